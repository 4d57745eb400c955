import type { DemoTexts } from '../demoTexts';

export const de: DemoTexts = {
  subjects: {
    return_refund: 'Rücksendung und Erstattung',
    exchange: 'Umtausch wegen falscher Größe',
    repair_warranty: 'Reparatur im Rahmen der Gewährleistung',
    complaint: 'Beschwerde zu meiner Bestellung',
    price_protection: 'Preis kurz nach dem Kauf gesenkt',
    privacy_request: 'Auskunft über meine gespeicherten Daten',
    payment_issue: 'Doppelte Abbuchung',
    inquiry: 'Frage zur Lieferung',
  },
  openings: {
    return_refund: [
      'Guten Tag, ich habe die Bestellung {order} gestern erhalten, aber der Artikel entspricht nicht der Beschreibung. Ich möchte ihn zurückschicken und mein Geld zurückbekommen.',
      'Hallo, das Gehäuse war bei Lieferung der Bestellung {order} schon gesprungen. Bitte schicken Sie mir ein Rücksendeetikett und erstatten Sie den Kaufpreis.',
      'Ich widerrufe hiermit den Kauf aus Bestellung {order}. Die Ware ist noch originalverpackt. Wie läuft die Rücksendung ab?',
    ],
    exchange: [
      'Hallo, die Schuhe aus Bestellung {order} sind eine Nummer zu klein. Kann ich sie gegen eine Größe größer umtauschen?',
      'Guten Tag, ich habe in Bestellung {order} die blaue Variante bestellt, aber eine graue bekommen. Bitte tauschen Sie sie um.',
      'Die Jacke aus Bestellung {order} sitzt an den Schultern zu eng. Ist ein Umtausch in Größe M möglich?',
    ],
    repair_warranty: [
      'Guten Tag, das Gerät aus Bestellung {order} lädt nach drei Monaten nicht mehr. Das ist doch noch innerhalb der Gewährleistung, wie gehe ich vor?',
      'Der Motor des Produkts aus Bestellung {order} macht ein schleifendes Geräusch und bleibt dann stehen. Ich bitte um Reparatur.',
      'Hallo, der Bildschirm meines Geräts (Bestellung {order}) ist plötzlich schwarz. Es ist nicht heruntergefallen. Bitte reparieren oder ersetzen Sie es.',
    ],
    complaint: [
      'Ich schreibe Ihnen nun zum dritten Mal wegen Bestellung {order} und bekomme keine Antwort. Ich bin von Ihrem Service sehr enttäuscht.',
      'Meine Bestellung {order} kam zwei Wochen zu spät und der Karton war eingedrückt. Ich erwarte eine Entschädigung.',
      'Der Artikel aus Bestellung {order} sieht völlig anders aus als auf den Fotos. Ich fühle mich getäuscht und möchte eine Lösung.',
    ],
    price_protection: [
      'Guten Tag, eine Woche nach meiner Bestellung {order} ist der Preis deutlich gesunken. Erstatten Sie mir die Differenz?',
      'Hallo, der Artikel aus Bestellung {order} ist jetzt im Angebot und viel günstiger. Bekomme ich den Unterschied zurück?',
      'Heute ist der Preis niedriger als bei meiner Bestellung {order} vor fünf Tagen. Gibt es bei Ihnen eine Preisgarantie?',
    ],
    privacy_request: [
      'Sehr geehrte Damen und Herren, gemäß Art. 15 DSGVO bitte ich um Auskunft über alle zu meiner Person gespeicherten Daten.',
      'Bitte löschen Sie mein Kundenkonto und alle meine personenbezogenen Daten und bestätigen Sie mir die Löschung schriftlich.',
      'Ich habe nie in Werbe-E-Mails eingewilligt. Bitte verwenden Sie meine Daten nicht mehr für Werbung und teilen Sie mir mit, woher Sie meine Adresse haben.',
    ],
    payment_issue: [
      'Meine Karte wurde für Bestellung {order} zweimal belastet. Bitte erstatten Sie die doppelte Zahlung umgehend.',
      'Die Zahlung für Bestellung {order} wird als fehlgeschlagen angezeigt, das Geld wurde aber trotzdem abgebucht.',
      'Auf meinem Kontoauszug steht eine Abbuchung Ihres Shops zu Bestellung {order}, die ich nicht zuordnen kann. Bitte klären Sie das.',
    ],
    inquiry: [
      'Hallo, wann wird Bestellung {order} verschickt? Die Sendungsverfolgung hat sich seit vier Tagen nicht geändert.',
      'Guten Tag, hat das Gerät aus Bestellung {order} einen deutschen Stecker oder brauche ich einen Adapter?',
      'Kann ich die Lieferadresse für Bestellung {order} noch ändern? Ich bin nächste Woche verreist.',
    ],
  },
  followUps: [
    'Danke für Ihre Rückmeldung. Die gewünschten Fotos habe ich angehängt.',
    'Gibt es schon etwas Neues? Es sind jetzt schon ein paar Tage vergangen.',
    'Ich habe das Paket heute zurückgeschickt, die Sendungsnummer lautet 00340434161234567890.',
  ],
  replies: [
    'Vielen Dank für Ihre Nachricht und entschuldigen Sie die Unannehmlichkeiten. Ich prüfe Ihre Bestellung und melde mich in Kürze.',
    'Wir haben Ihnen ein kostenloses Rücksendeetikett per E-Mail geschickt. Die Erstattung erfolgt, sobald das Paket bei uns eingeht.',
    'Könnten Sie uns bitte ein Foto des Artikels und des Etiketts auf dem Karton senden? Dann können wir schneller helfen.',
  ],
};
