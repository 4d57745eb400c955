import type { DemoTexts } from '../demoTexts';

/** Mexican Spanish: "ustedes" instead of "vosotros", celular, and the Profeco reference customers make. */
export const esMX: DemoTexts = {
  subjects: {
    return_refund: 'Quiero devolver mi compra',
    exchange: 'Cambio por otra talla',
    repair_warranty: 'Garantía: el producto dejó de funcionar',
    complaint: 'Queja por mal servicio',
    price_protection: 'Bajó el precio después de mi compra',
    privacy_request: 'Solicitud ARCO sobre mis datos personales',
    payment_issue: 'Me cobraron dos veces',
    inquiry: '¿Dónde está mi paquete?',
  },
  openings: {
    return_refund: [
      'Hola, buen día. Me llegó el pedido {order} pero no es lo que se mostraba en la publicación. Quiero devolverlo y que me regresen mi dinero.',
      'Buenas tardes, el producto del pedido {order} llegó con la carcasa estrellada. ¿Me pueden mandar la guía de devolución?',
      'Hola, me arrepentí de la compra del pedido {order}, sigue sellado. ¿Cómo le hago para devolverlo?',
    ],
    exchange: [
      'Hola, los tenis del pedido {order} me quedaron chicos. ¿Los puedo cambiar por medio número más?',
      'Buen día, pedí el color azul en el pedido {order} y me llegó gris. ¿Me lo pueden cambiar por favor?',
      'La chamarra del pedido {order} me queda apretada de los hombros. ¿Se puede cambiar por una talla mediana?',
    ],
    repair_warranty: [
      'Hola, el celular del pedido {order} ya no carga y apenas tiene tres meses. Todavía está en garantía, ¿qué hago?',
      'El producto del pedido {order} hace un ruido extraño y luego se apaga. Necesito que me lo reparen por garantía.',
      'Buenas, la pantalla de mi equipo (pedido {order}) se puso negra sin que se cayera. ¿Me lo reparan o me lo cambian?',
    ],
    complaint: [
      'Es la tercera vez que les escribo por el pedido {order} y nadie me responde. Si no me resuelven voy a poner una queja en Profeco.',
      'Mi pedido {order} llegó dos semanas tarde y la caja venía toda aplastada. Espero una compensación.',
      'El artículo del pedido {order} no se parece nada a las fotos. Me siento engañada.',
    ],
    price_protection: [
      'Hola, compré con el pedido {order} y a la semana bajó bastante el precio. ¿Me pueden reembolsar la diferencia?',
      'Buen día, el producto del pedido {order} ya está en oferta en el Buen Fin mucho más barato. ¿Me regresan la diferencia?',
      'Hoy el precio está más bajo que cuando hice el pedido {order} hace cinco días. ¿Tienen protección de precio?',
    ],
    privacy_request: [
      'Hola, con base en mis derechos ARCO solicito acceso a todos los datos personales que tienen sobre mí.',
      'Por favor cancelen mi cuenta y borren todos mis datos personales, y confírmenme cuando quede hecho.',
      'Nunca autoricé que me mandaran publicidad. Les pido que dejen de usar mis datos para eso.',
    ],
    payment_issue: [
      'Me hicieron dos cargos en mi tarjeta por el pedido {order}. Por favor reembolsen el cargo duplicado lo antes posible.',
      'El pago del pedido {order} aparece como rechazado, pero el dinero ya se descontó de mi cuenta.',
      'Tengo un cargo de su tienda por el pedido {order} que no reconozco. ¿Me pueden explicar qué es?',
    ],
    inquiry: [
      'Hola, ¿cuándo van a enviar el pedido {order}? La guía no se ha actualizado en cuatro días.',
      'Buen día, ¿el aparato del pedido {order} trae clavija para México o necesito un adaptador?',
      '¿Todavía puedo cambiar la dirección de entrega del pedido {order}? La próxima semana no voy a estar.',
    ],
  },
  followUps: [
    'Gracias por contestar. Ya les mandé las fotos que me pidieron.',
    '¿Hay alguna novedad? Ya pasaron varios días.',
    'Ya mandé el paquete de regreso, el número de guía es 7701 2345 6789.',
  ],
  replies: [
    'Gracias por escribirnos y disculpe las molestias. Ya estoy revisando su pedido y le respondo en un momento.',
    'Le enviamos a su correo una guía de devolución prepagada. El reembolso se hace en cuanto recibamos el paquete.',
    '¿Nos podría mandar una foto del producto y de la etiqueta de la caja? Así lo resolvemos más rápido.',
  ],
};
