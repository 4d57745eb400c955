import type { DemoTexts } from '../demoTexts';

export const es: DemoTexts = {
  subjects: {
    return_refund: 'Solicitud de devolución y reembolso',
    exchange: 'Cambio de talla',
    repair_warranty: 'Reparación en garantía',
    complaint: 'Reclamación sobre mi pedido',
    price_protection: 'Ha bajado el precio después de comprar',
    privacy_request: 'Solicitud de acceso a mis datos personales',
    payment_issue: 'Cobro duplicado',
    inquiry: 'Consulta sobre el envío',
  },
  openings: {
    return_refund: [
      'Hola, ayer recibí el pedido {order} pero el artículo no coincide con la descripción. Quiero devolverlo y que me reembolséis el importe.',
      'Buenas, la carcasa del producto del pedido {order} llegó rajada. ¿Me podéis mandar una etiqueta de devolución?',
      'Quiero desistir de la compra del pedido {order}; el paquete está sin abrir. ¿Cómo hago la devolución?',
    ],
    exchange: [
      'Hola, las zapatillas del pedido {order} me quedan pequeñas. ¿Puedo cambiarlas por un número más?',
      'Buenas tardes, en el pedido {order} pedí el color azul y me ha llegado el gris. Me gustaría cambiarlo.',
      'La chaqueta del pedido {order} me aprieta de hombros. ¿Es posible cambiarla por una talla M?',
    ],
    repair_warranty: [
      'Hola, el aparato del pedido {order} ha dejado de cargar a los tres meses. Sigue en garantía, ¿qué tengo que hacer?',
      'El motor del producto del pedido {order} hace un ruido raro y luego se para. Solicito la reparación en garantía.',
      'Buenas, la pantalla de mi dispositivo (pedido {order}) se ha quedado en negro sin haberse caído. ¿Lo podéis reparar o cambiar?',
    ],
    complaint: [
      'Es la tercera vez que escribo por el pedido {order} y nadie me contesta. Estoy muy decepcionada con vuestro servicio.',
      'El pedido {order} llegó con dos semanas de retraso y la caja aplastada. Espero algún tipo de compensación.',
      'El artículo del pedido {order} no se parece en nada a las fotos del anuncio. Me siento engañado.',
    ],
    price_protection: [
      'Hola, una semana después de mi pedido {order} el precio ha bajado bastante. ¿Me devolvéis la diferencia?',
      'Buenas, el producto del pedido {order} está ahora de oferta mucho más barato. ¿Puedo recuperar la diferencia?',
      'Hoy el precio es más bajo que cuando hice el pedido {order} hace cinco días. ¿Tenéis garantía de precio?',
    ],
    privacy_request: [
      'Hola, en virtud del RGPD solicito una copia de todos los datos personales que tenéis sobre mí.',
      'Por favor, eliminad mi cuenta y todos mis datos personales y confirmadme cuando esté hecho.',
      'Nunca acepté recibir publicidad. Dejad de usar mis datos para marketing y decidme de dónde habéis sacado mi correo.',
    ],
    payment_issue: [
      'Me habéis cobrado dos veces el pedido {order} en la tarjeta. Por favor, devolved el cargo duplicado cuanto antes.',
      'El pago del pedido {order} aparece como fallido, pero el dinero ya ha salido de mi cuenta.',
      'En mi extracto hay un cargo de vuestra tienda asociado al pedido {order} que no reconozco. ¿Me lo podéis explicar?',
    ],
    inquiry: [
      'Hola, ¿cuándo se envía el pedido {order}? El seguimiento no se actualiza desde hace cuatro días.',
      'Buenas, ¿el aparato del pedido {order} viene con enchufe europeo o necesito un adaptador?',
      '¿Todavía puedo cambiar la dirección de entrega del pedido {order}? La semana que viene no estaré en casa.',
    ],
  },
  followUps: [
    'Gracias por responder. Os he enviado las fotos que me pedisteis.',
    '¿Hay alguna novedad? Ya han pasado varios días.',
    'Ya he enviado el paquete de vuelta, el número de seguimiento es PQ4B7A0712345670128001X.',
  ],
  replies: [
    'Gracias por contactar con nosotros y disculpe las molestias. Estoy revisando su pedido y le respondo en breve.',
    'Le hemos enviado por correo una etiqueta de devolución gratuita. El reembolso se hará en cuanto recibamos el paquete.',
    '¿Podría enviarnos una foto del producto y de la etiqueta de la caja? Así lo resolveremos antes.',
  ],
};
