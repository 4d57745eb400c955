import type { DemoTexts } from '../demoTexts';

export const nl: DemoTexts = {
  subjects: {
    return_refund: 'Retour en terugbetaling',
    exchange: 'Ruilen voor een andere maat',
    repair_warranty: 'Reparatie onder garantie',
    complaint: 'Klacht over mijn bestelling',
    price_protection: 'Prijs gedaald na mijn aankoop',
    privacy_request: 'Inzageverzoek persoonsgegevens',
    payment_issue: 'Twee keer afgeschreven',
    inquiry: 'Vraag over de levering',
  },
  openings: {
    return_refund: [
      'Hallo, ik heb bestelling {order} gisteren ontvangen, maar het artikel klopt niet met de beschrijving. Ik wil het retourneren en mijn geld terug.',
      'Goedemiddag, de behuizing van het product uit bestelling {order} was bij aankomst gebarsten. Kunnen jullie mij een retourlabel sturen?',
      'Ik wil bestelling {order} herroepen, de verpakking is nog dicht. Hoe stuur ik het terug?',
    ],
    exchange: [
      'Hoi, de schoenen uit bestelling {order} zijn een maat te klein. Kan ik ze ruilen voor een maat groter?',
      'Hallo, ik had in bestelling {order} de blauwe besteld maar kreeg een grijze. Graag omruilen.',
      'De jas uit bestelling {order} zit te strak bij de schouders. Kan ik hem ruilen voor maat M?',
    ],
    repair_warranty: [
      'Hallo, het apparaat uit bestelling {order} laadt na drie maanden niet meer op. Dat valt toch onder de garantie?',
      'De motor van het product uit bestelling {order} maakt een schurend geluid en stopt dan. Ik wil het graag laten repareren.',
      'Goedendag, het scherm van mijn apparaat (bestelling {order}) is zwart geworden zonder dat het gevallen is. Repareren of vervangen graag.',
    ],
    complaint: [
      'Dit is de derde keer dat ik mail over bestelling {order} en ik krijg geen antwoord. Ik ben erg teleurgesteld.',
      'Bestelling {order} kwam twee weken te laat en de doos was ingedeukt. Ik verwacht een vergoeding.',
      'Het artikel uit bestelling {order} lijkt totaal niet op de foto’s. Ik voel me misleid.',
    ],
    price_protection: [
      'Hallo, een week na bestelling {order} is de prijs flink gedaald. Krijg ik het verschil terug?',
      'Het product uit bestelling {order} is nu in de aanbieding voor veel minder. Kunnen jullie het verschil terugstorten?',
      'Vandaag is de prijs lager dan bij mijn bestelling {order} van vijf dagen geleden. Hebben jullie een prijsgarantie?',
    ],
    privacy_request: [
      'Geachte heer/mevrouw, op grond van de AVG verzoek ik om inzage in alle persoonsgegevens die u van mij bewaart.',
      'Verwijder alstublieft mijn account en al mijn persoonsgegevens en bevestig dat dit is gebeurd.',
      'Ik heb nooit toestemming gegeven voor reclamemails. Stop met het gebruiken van mijn gegevens voor marketing.',
    ],
    payment_issue: [
      'Er is voor bestelling {order} twee keer van mijn rekening afgeschreven. Graag de dubbele betaling terugstorten.',
      'De betaling van bestelling {order} staat als mislukt, maar het geld is wel van mijn rekening gegaan.',
      'Op mijn afschrift staat een betaling aan jullie winkel voor bestelling {order} die ik niet herken. Kunnen jullie dat uitleggen?',
    ],
    inquiry: [
      'Hallo, wanneer wordt bestelling {order} verzonden? De track-and-trace staat al vier dagen stil.',
      'Goedendag, heeft het apparaat uit bestelling {order} een Europese stekker of heb ik een verloopstekker nodig?',
      'Kan ik het afleveradres van bestelling {order} nog wijzigen? Ik ben volgende week niet thuis.',
    ],
  },
  followUps: [
    'Bedankt voor jullie reactie. De gevraagde foto’s heb ik bijgevoegd.',
    'Is er al nieuws? Het is inmiddels een paar dagen later.',
    'Ik heb het pakket vandaag teruggestuurd, de trackingcode is 3SABCD1234567.',
  ],
  replies: [
    'Bedankt voor uw bericht en excuses voor het ongemak. Ik kijk uw bestelling na en kom er snel bij u op terug.',
    'We hebben u per e-mail een gratis retourlabel gestuurd. Zodra het pakket binnen is, storten we het bedrag terug.',
    'Kunt u ons een foto sturen van het product en van het etiket op de doos? Dan kunnen we u sneller helpen.',
  ],
};
