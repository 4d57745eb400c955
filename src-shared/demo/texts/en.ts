import type { DemoTexts } from '../demoTexts';

export const en: DemoTexts = {
  subjects: {
    return_refund: 'Return and refund request',
    exchange: 'Wrong size, need an exchange',
    repair_warranty: 'Warranty repair needed',
    complaint: 'Complaint about my order',
    price_protection: 'Price dropped after I bought',
    privacy_request: 'Request for my personal data',
    payment_issue: 'Charged twice for one order',
    inquiry: 'Question about delivery',
  },
  openings: {
    return_refund: [
      'Hi, I received order {order} yesterday but it is not what I expected. I would like to return it and get a refund, please.',
      'Hello, the item in order {order} arrived with a cracked casing. Can you send me a return label and refund me?',
      'I changed my mind about order {order} and it is still unopened. How do I send it back for a full refund?',
    ],
    exchange: [
      'Hi, the shoes from order {order} are a size too small. Could I exchange them for one size up?',
      'Hello, I ordered the blue one in order {order} but received a grey one. I would like to swap it for the colour I actually ordered.',
      'The jacket in order {order} fits badly in the shoulders. Can I exchange it for a medium instead of a small?',
    ],
    repair_warranty: [
      'Hello, my item from order {order} stopped charging after three months. It should still be under warranty, what do I do?',
      'The motor on the product I bought (order {order}) makes a grinding noise and then stops. I need a repair under the warranty.',
      'Hi, the screen on my device from order {order} has gone black. I have not dropped it. Can you repair or replace it?',
    ],
    complaint: [
      'This is the third time I am writing about order {order} and nobody has answered. I am really disappointed with your service.',
      'My order {order} arrived two weeks late and the box was crushed. I expect some kind of compensation for this.',
      'The product from order {order} looks nothing like the photos on your listing. I feel misled and want this sorted out.',
    ],
    price_protection: [
      'I bought this on order {order} and a week later the price dropped by a lot. Do you offer price protection? I would like the difference back.',
      'Hi, the item from order {order} is now on sale for much less than I paid. Can you refund the difference?',
      'Your listing shows a lower price today than what I paid on order {order} five days ago. Is price matching possible?',
    ],
    privacy_request: [
      'Hello, under data protection law I would like a copy of all personal data you hold about me.',
      'Please delete my account and all my personal information from your systems, and confirm when it is done.',
      'I never agreed to marketing emails. Please stop using my data for marketing and tell me where you got my address.',
    ],
    payment_issue: [
      'My card was charged twice for order {order}. Please refund the duplicate payment as soon as possible.',
      'I paid for order {order} but your system says the payment failed, and the money has left my account anyway.',
      'There is a charge from your shop on my statement that I do not recognise, linked to order {order}. Please explain.',
    ],
    inquiry: [
      'Hi, when will order {order} be shipped? The tracking has not updated for four days.',
      'Hello, does the product in order {order} come with a UK plug, or will I need an adapter?',
      'Can I still change the delivery address for order {order}? I will be away next week.',
    ],
  },
  followUps: [
    'Thanks for getting back to me. I have attached the photos you asked for.',
    'Any update on this? It has been a few days now.',
    'OK, I have sent the parcel back today. Here is the tracking number: 1Z 84F 2E0 03 5521 7730.',
  ],
  replies: [
    'Thank you for contacting us, and sorry for the trouble. I am looking into your order now and will come back to you shortly.',
    'I have arranged a prepaid return label for you; it should arrive by email within the hour. Your refund is issued as soon as the parcel is scanned.',
    'Could you please send us a photo of the product and the label on the box? That helps us resolve this faster.',
  ],
};
