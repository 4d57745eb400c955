import type { DemoTexts } from '../demoTexts';

export const fr: DemoTexts = {
  subjects: {
    return_refund: 'Demande de retour et de remboursement',
    exchange: 'Échange pour une autre taille',
    repair_warranty: 'Réparation sous garantie',
    complaint: 'Réclamation concernant ma commande',
    price_protection: 'Baisse de prix juste après mon achat',
    privacy_request: 'Demande d’accès à mes données personnelles',
    payment_issue: 'Paiement débité deux fois',
    inquiry: 'Question sur la livraison',
  },
  openings: {
    return_refund: [
      'Bonjour, j’ai reçu la commande {order} hier mais l’article ne correspond pas à la description. Je souhaite le retourner et être remboursé.',
      'Bonjour, le boîtier du produit de la commande {order} était fissuré à la livraison. Pouvez-vous m’envoyer une étiquette de retour ?',
      'J’exerce mon droit de rétractation pour la commande {order}. Le colis n’a pas été ouvert. Comment dois-je le renvoyer ?',
    ],
    exchange: [
      'Bonjour, les chaussures de la commande {order} sont trop petites d’une pointure. Puis-je les échanger contre la taille au-dessus ?',
      'Bonjour, j’ai commandé le modèle bleu (commande {order}) et j’ai reçu un gris. Merci de me l’échanger.',
      'La veste de la commande {order} est trop serrée aux épaules. Est-il possible de l’échanger contre une taille M ?',
    ],
    repair_warranty: [
      'Bonjour, l’appareil de la commande {order} ne se recharge plus au bout de trois mois. Il est encore sous garantie, que dois-je faire ?',
      'Le moteur du produit acheté avec la commande {order} fait un bruit de frottement puis s’arrête. Je demande une réparation sous garantie.',
      'Bonjour, l’écran de mon appareil (commande {order}) est devenu noir sans chute. Pouvez-vous le réparer ou le remplacer ?',
    ],
    complaint: [
      'C’est la troisième fois que je vous écris au sujet de la commande {order} sans aucune réponse. Je suis très déçue de votre service.',
      'Ma commande {order} est arrivée avec deux semaines de retard et le carton était écrasé. J’attends un geste commercial.',
      'L’article de la commande {order} ne ressemble pas du tout aux photos de l’annonce. Je me sens trompé.',
    ],
    price_protection: [
      'Bonjour, une semaine après ma commande {order}, le prix a nettement baissé. Pouvez-vous me rembourser la différence ?',
      'Bonjour, l’article de la commande {order} est maintenant en promotion bien moins cher. Est-ce que je peux récupérer l’écart ?',
      'Le prix affiché aujourd’hui est plus bas que celui de ma commande {order} passée il y a cinq jours. Proposez-vous une garantie de prix ?',
    ],
    privacy_request: [
      'Madame, Monsieur, conformément à l’article 15 du RGPD, je vous demande la copie de toutes les données personnelles me concernant.',
      'Merci de supprimer mon compte client et toutes mes données personnelles, et de me confirmer la suppression.',
      'Je n’ai jamais accepté de recevoir vos e-mails publicitaires. Cessez d’utiliser mes données à des fins de prospection, s’il vous plaît.',
    ],
    payment_issue: [
      'Ma carte a été débitée deux fois pour la commande {order}. Merci de rembourser le paiement en double au plus vite.',
      'Le paiement de la commande {order} apparaît comme refusé, pourtant la somme a bien été prélevée sur mon compte.',
      'Je vois sur mon relevé un prélèvement de votre boutique lié à la commande {order} que je ne reconnais pas. Pouvez-vous m’expliquer ?',
    ],
    inquiry: [
      'Bonjour, quand la commande {order} sera-t-elle expédiée ? Le suivi n’a pas bougé depuis quatre jours.',
      'Bonjour, l’appareil de la commande {order} est-il livré avec une prise française ou faut-il un adaptateur ?',
      'Puis-je encore modifier l’adresse de livraison de la commande {order} ? Je serai absent la semaine prochaine.',
    ],
  },
  followUps: [
    'Merci pour votre réponse. Je vous ai envoyé les photos demandées.',
    'Avez-vous du nouveau ? Cela fait maintenant plusieurs jours.',
    'J’ai renvoyé le colis aujourd’hui, voici le numéro de suivi : 6A12345678901.',
  ],
  replies: [
    'Merci de nous avoir contactés et toutes nos excuses pour ce désagrément. Je vérifie votre commande et je reviens vers vous rapidement.',
    'Nous vous avons envoyé une étiquette de retour prépayée par e-mail. Le remboursement sera effectué dès réception du colis.',
    'Pourriez-vous nous envoyer une photo du produit et de l’étiquette du carton ? Cela nous aidera à traiter votre demande plus vite.',
  ],
};
