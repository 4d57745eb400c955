import type { DemoTexts } from '../demoTexts';

export const ptBR: DemoTexts = {
  subjects: {
    return_refund: 'Devolução e reembolso',
    exchange: 'Troca de tamanho',
    repair_warranty: 'Conserto na garantia',
    complaint: 'Reclamação sobre meu pedido',
    price_protection: 'O preço caiu depois da compra',
    privacy_request: 'Pedido de acesso aos meus dados (LGPD)',
    payment_issue: 'Cobrança em dobro',
    inquiry: 'Dúvida sobre a entrega',
  },
  openings: {
    return_refund: [
      'Olá, recebi o pedido {order} ontem mas o produto não é igual ao anúncio. Quero devolver e receber meu dinheiro de volta.',
      'Boa tarde, o produto do pedido {order} chegou com a carcaça trincada. Vocês podem me mandar a etiqueta de devolução?',
      'Quero exercer meu direito de arrependimento do pedido {order}, ainda está lacrado. Como faço a devolução?',
    ],
    exchange: [
      'Oi, o tênis do pedido {order} ficou pequeno. Posso trocar por um número maior?',
      'Bom dia, pedi a cor azul no pedido {order} e veio cinza. Gostaria de trocar, por favor.',
      'A jaqueta do pedido {order} ficou apertada nos ombros. Dá para trocar por tamanho M?',
    ],
    repair_warranty: [
      'Olá, o aparelho do pedido {order} parou de carregar com três meses de uso. Ainda está na garantia, o que eu faço?',
      'O motor do produto do pedido {order} faz um barulho estranho e depois para. Quero o conserto pela garantia.',
      'Bom dia, a tela do meu aparelho (pedido {order}) ficou preta sem ter caído. Vocês consertam ou trocam?',
    ],
    complaint: [
      'É a terceira vez que escrevo sobre o pedido {order} e ninguém responde. Estou muito decepcionada com o atendimento.',
      'Meu pedido {order} chegou com duas semanas de atraso e a caixa amassada. Espero algum tipo de compensação.',
      'O produto do pedido {order} não tem nada a ver com as fotos do anúncio. Me senti enganado, vou abrir reclamação no Procon se não resolverem.',
    ],
    price_protection: [
      'Olá, uma semana depois do pedido {order} o preço caiu bastante. Vocês devolvem a diferença?',
      'O produto do pedido {order} está em promoção agora bem mais barato. Consigo o reembolso da diferença?',
      'Hoje o preço está menor do que paguei no pedido {order} cinco dias atrás. Vocês têm garantia de preço?',
    ],
    privacy_request: [
      'Olá, com base na LGPD, solicito acesso a todos os dados pessoais que vocês têm sobre mim.',
      'Por favor, excluam minha conta e todos os meus dados pessoais e me confirmem quando estiver feito.',
      'Nunca autorizei receber propaganda. Peço que parem de usar meus dados para marketing.',
    ],
    payment_issue: [
      'Fui cobrado duas vezes no cartão pelo pedido {order}. Por favor, estornem a cobrança duplicada o quanto antes.',
      'O pagamento do pedido {order} aparece como recusado, mas o Pix já saiu da minha conta.',
      'Tem uma cobrança da loja de vocês no meu extrato ligada ao pedido {order} que eu não reconheço. Podem explicar?',
    ],
    inquiry: [
      'Olá, quando o pedido {order} vai ser enviado? O rastreio não atualiza há quatro dias.',
      'Bom dia, o aparelho do pedido {order} é bivolt ou preciso de transformador?',
      'Ainda dá para mudar o endereço de entrega do pedido {order}? Semana que vem não vou estar em casa.',
    ],
  },
  followUps: [
    'Obrigada pelo retorno. Já mandei as fotos que vocês pediram.',
    'Alguma novidade? Já faz alguns dias.',
    'Postei a devolução hoje, o código de rastreio é QB123456789BR.',
  ],
  replies: [
    'Obrigado por entrar em contato e desculpe pelo transtorno. Estou verificando o seu pedido e já retorno.',
    'Enviamos por e-mail a etiqueta de devolução sem custo. O reembolso é feito assim que o produto chegar.',
    'Você poderia nos enviar uma foto do produto e da etiqueta da caixa? Assim resolvemos mais rápido.',
  ],
};
