import type { DemoTexts } from '../demoTexts';

export const it: DemoTexts = {
  subjects: {
    return_refund: 'Richiesta di reso e rimborso',
    exchange: 'Cambio taglia',
    repair_warranty: 'Riparazione in garanzia',
    complaint: 'Reclamo sul mio ordine',
    price_protection: 'Prezzo sceso dopo l’acquisto',
    privacy_request: 'Richiesta di accesso ai miei dati personali',
    payment_issue: 'Addebito doppio',
    inquiry: 'Informazioni sulla spedizione',
  },
  openings: {
    return_refund: [
      'Buongiorno, ho ricevuto ieri l’ordine {order} ma l’articolo non corrisponde alla descrizione. Vorrei restituirlo e ottenere il rimborso.',
      'Salve, il prodotto dell’ordine {order} è arrivato con la scocca crepata. Mi potete inviare un’etichetta per il reso?',
      'Esercito il diritto di recesso per l’ordine {order}: il pacco è ancora sigillato. Come devo fare per la restituzione?',
    ],
    exchange: [
      'Buongiorno, le scarpe dell’ordine {order} sono di una taglia più piccola. Posso cambiarle con il numero successivo?',
      'Salve, nell’ordine {order} avevo scelto il blu ma mi è arrivato il grigio. Vorrei effettuare il cambio.',
      'La giacca dell’ordine {order} è stretta sulle spalle. È possibile cambiarla con una taglia M?',
    ],
    repair_warranty: [
      'Buongiorno, il dispositivo dell’ordine {order} non si ricarica più dopo tre mesi. È ancora in garanzia, come devo procedere?',
      'Il motore del prodotto dell’ordine {order} fa un rumore strano e poi si blocca. Chiedo la riparazione in garanzia.',
      'Salve, lo schermo del mio dispositivo (ordine {order}) è diventato nero senza cadute. Potete ripararlo o sostituirlo?',
    ],
    complaint: [
      'È la terza volta che scrivo per l’ordine {order} e nessuno mi risponde. Sono molto delusa dal vostro servizio.',
      'L’ordine {order} è arrivato con due settimane di ritardo e la scatola schiacciata. Mi aspetto un risarcimento.',
      'L’articolo dell’ordine {order} non assomiglia per niente alle foto dell’annuncio. Mi sento preso in giro.',
    ],
    price_protection: [
      'Buongiorno, una settimana dopo il mio ordine {order} il prezzo è sceso parecchio. Mi rimborsate la differenza?',
      'Salve, l’articolo dell’ordine {order} adesso è in offerta a molto meno. Posso riavere la differenza?',
      'Oggi il prezzo è più basso di quello che ho pagato con l’ordine {order} cinque giorni fa. Offrite una garanzia di prezzo?',
    ],
    privacy_request: [
      'Gentili signori, ai sensi dell’art. 15 del GDPR chiedo copia di tutti i dati personali che mi riguardano.',
      'Vi prego di cancellare il mio account e tutti i miei dati personali e di confermarmi l’avvenuta cancellazione.',
      'Non ho mai dato il consenso alle vostre email promozionali. Smettete di usare i miei dati per il marketing, per favore.',
    ],
    payment_issue: [
      'Mi avete addebitato due volte l’ordine {order} sulla carta. Vi prego di rimborsare subito il doppio pagamento.',
      'Il pagamento dell’ordine {order} risulta non riuscito, ma i soldi sono stati comunque prelevati dal conto.',
      'Sull’estratto conto vedo un addebito del vostro negozio per l’ordine {order} che non riconosco. Potete spiegarmi?',
    ],
    inquiry: [
      'Buongiorno, quando verrà spedito l’ordine {order}? Il tracking è fermo da quattro giorni.',
      'Salve, l’apparecchio dell’ordine {order} ha la spina italiana o mi serve un adattatore?',
      'Posso ancora cambiare l’indirizzo di consegna dell’ordine {order}? La prossima settimana sarò fuori casa.',
    ],
  },
  followUps: [
    'Grazie della risposta. Vi ho inviato le foto che mi avete chiesto.',
    'Ci sono novità? Sono passati già diversi giorni.',
    'Ho rispedito il pacco oggi, il numero di tracciamento è 1Z9X8W7V6U5T4S3R.',
  ],
  replies: [
    'Grazie per averci contattato e ci scusiamo per il disagio. Sto verificando il suo ordine e le rispondo a breve.',
    'Le abbiamo inviato via email un’etichetta di reso prepagata. Il rimborso partirà appena riceviamo il pacco.',
    'Potrebbe inviarci una foto del prodotto e dell’etichetta sulla scatola? Ci aiuterà a risolvere più in fretta.',
  ],
};
