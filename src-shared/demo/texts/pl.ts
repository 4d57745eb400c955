import type { DemoTexts } from '../demoTexts';

export const pl: DemoTexts = {
  subjects: {
    return_refund: 'Zwrot towaru i pieniędzy',
    exchange: 'Wymiana na inny rozmiar',
    repair_warranty: 'Naprawa gwarancyjna',
    complaint: 'Reklamacja zamówienia',
    price_protection: 'Cena spadła po zakupie',
    privacy_request: 'Wniosek o dostęp do danych osobowych',
    payment_issue: 'Podwójne obciążenie karty',
    inquiry: 'Pytanie o dostawę',
  },
  openings: {
    return_refund: [
      'Dzień dobry, wczoraj odebrałam zamówienie {order}, ale produkt nie zgadza się z opisem. Chcę go zwrócić i otrzymać zwrot pieniędzy.',
      'Dzień dobry, obudowa produktu z zamówienia {order} przyszła pęknięta. Proszę o etykietę zwrotną.',
      'Odstępuję od umowy dla zamówienia {order}, paczka jest nieotwarta. Jak mam ją odesłać?',
    ],
    exchange: [
      'Dzień dobry, buty z zamówienia {order} są o rozmiar za małe. Czy mogę wymienić je na większe?',
      'Zamówiłem kolor niebieski w zamówieniu {order}, a dostałem szary. Proszę o wymianę.',
      'Kurtka z zamówienia {order} jest za ciasna w ramionach. Czy można wymienić ją na rozmiar M?',
    ],
    repair_warranty: [
      'Dzień dobry, urządzenie z zamówienia {order} po trzech miesiącach przestało się ładować. Jest jeszcze na gwarancji, co mam zrobić?',
      'Silnik produktu z zamówienia {order} wydaje zgrzytający dźwięk i się zatrzymuje. Proszę o naprawę gwarancyjną.',
      'Ekran mojego urządzenia (zamówienie {order}) zrobił się czarny, chociaż nie spadło. Czy możecie je naprawić albo wymienić?',
    ],
    complaint: [
      'Piszę już trzeci raz w sprawie zamówienia {order} i nikt nie odpowiada. Jestem bardzo rozczarowana obsługą.',
      'Zamówienie {order} przyszło z dwutygodniowym opóźnieniem, a karton był zgnieciony. Oczekuję rekompensaty.',
      'Produkt z zamówienia {order} wygląda zupełnie inaczej niż na zdjęciach. Czuję się wprowadzony w błąd.',
    ],
    price_protection: [
      'Dzień dobry, tydzień po zamówieniu {order} cena mocno spadła. Czy zwrócicie mi różnicę?',
      'Produkt z zamówienia {order} jest teraz w promocji dużo taniej. Czy mogę dostać zwrot różnicy?',
      'Dzisiaj cena jest niższa niż przy moim zamówieniu {order} sprzed pięciu dni. Czy macie gwarancję najniższej ceny?',
    ],
    privacy_request: [
      'Dzień dobry, na podstawie art. 15 RODO proszę o kopię wszystkich moich danych osobowych, które przetwarzacie.',
      'Proszę o usunięcie mojego konta i wszystkich moich danych osobowych oraz potwierdzenie usunięcia.',
      'Nigdy nie zgadzałem się na reklamy mailowe. Proszę przestać wykorzystywać moje dane do marketingu.',
    ],
    payment_issue: [
      'Za zamówienie {order} moja karta została obciążona dwa razy. Proszę o pilny zwrot podwójnej płatności.',
      'Płatność za zamówienie {order} pokazuje się jako nieudana, a pieniądze zniknęły z konta.',
      'Na wyciągu widzę obciążenie od waszego sklepu za zamówienie {order}, którego nie rozpoznaję. Proszę o wyjaśnienie.',
    ],
    inquiry: [
      'Dzień dobry, kiedy zostanie wysłane zamówienie {order}? Śledzenie przesyłki nie zmieniło się od czterech dni.',
      'Czy urządzenie z zamówienia {order} ma polską wtyczkę, czy potrzebuję przejściówki?',
      'Czy mogę jeszcze zmienić adres dostawy dla zamówienia {order}? W przyszłym tygodniu nie będzie mnie w domu.',
    ],
  },
  followUps: [
    'Dziękuję za odpowiedź. Przesłałam zdjęcia, o które prosiliście.',
    'Czy jest coś nowego w tej sprawie? Minęło już kilka dni.',
    'Odesłałem dziś paczkę, numer przesyłki to 6200 1234 5678 9012.',
  ],
  replies: [
    'Dziękujemy za wiadomość i przepraszamy za kłopot. Sprawdzam Pana/Pani zamówienie i wkrótce odpowiem.',
    'Wysłaliśmy e-mailem bezpłatną etykietę zwrotną. Zwrot pieniędzy nastąpi zaraz po otrzymaniu paczki.',
    'Czy może nam Pan/Pani przesłać zdjęcie produktu i etykiety z kartonu? To przyspieszy rozpatrzenie sprawy.',
  ],
};
