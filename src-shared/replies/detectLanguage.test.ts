import { describe, expect, it } from 'vitest';
import { detectCustomerLocale } from './detectLanguage';

const AVAILABLE = ['en', 'zh-CN', 'de', 'fr', 'es', 'ja', 'ko', 'ar', 'pt-BR', 'ru'];
const customer = (body: string) => ({ direction: 'inbound' as const, authorKind: 'customer' as const, body });

describe('customer language detection', () => {
  it.each([
    ['de', 'DE', 'Hallo, meine Bestellung ist beschädigt angekommen und ich möchte sie zurückgeben.'],
    ['zh-CN', 'CN', '您好，我的订单到现在还没有收到，麻烦帮我查一下物流。'],
    ['ja', 'JP', '注文した商品がまだ届いていません。確認していただけますか。'],
    ['ko', 'KR', '주문한 상품이 아직 도착하지 않았어요. 확인 부탁드립니다.'],
    ['ar', 'SA', 'السلام عليكم، طلبي لم يصل بعد، أرجو التحقق من الشحنة.'],
    ['pt-BR', 'BR', 'Olá, meu pedido chegou quebrado e eu quero devolver o produto.'],
    ['ru', 'RU', 'Здравствуйте, мой заказ до сих пор не пришёл, проверьте, пожалуйста.'],
    ['es', 'ES', 'Hola, mi pedido llegó roto y quiero devolverlo, por favor.'],
    ['fr', 'FR', 'Bonjour, ma commande est arrivée cassée et je souhaite la retourner.'],
  ] as const)('proposes %s for a customer in %s', (locale, market, body) => {
    const guess = detectCustomerLocale({ messages: [customer(body)], caseLocale: 'en', market, available: AVAILABLE });
    expect(guess).toMatchObject({ locale, basis: 'messages', disagreesWithCase: true });
    expect(guess.detected?.accuracy).toBeGreaterThan(0.5);
  });

  it('corrects a wrong case locale from the customer’s own words and ignores the agent’s', () => {
    const guess = detectCustomerLocale({
      messages: [
        customer('Ich habe das Paket immer noch nicht erhalten, bitte helfen Sie mir.'),
        {
          direction: 'outbound',
          authorKind: 'agent',
          body: 'We are looking into it and will get back to you shortly with an update.',
        },
      ],
      caseLocale: 'en-GB',
      market: 'DE',
      available: AVAILABLE,
    });
    expect(guess).toMatchObject({ locale: 'de', basis: 'messages', disagreesWithCase: true });
  });

  it('keeps the case locale when the messages are too short to tell', () => {
    expect(
      detectCustomerLocale({
        messages: [customer('ok, thx')],
        caseLocale: 'fr-FR',
        market: 'FR',
        available: AVAILABLE,
      }),
    ).toEqual({ locale: 'fr-FR', basis: 'case', disagreesWithCase: false });
  });

  it('lets the agent override', () => {
    expect(
      detectCustomerLocale({
        messages: [customer('Olá, meu pedido chegou quebrado e quero devolver.')],
        caseLocale: 'pt-BR',
        market: 'BR',
        available: AVAILABLE,
        override: 'es',
      }),
    ).toEqual({ locale: 'es', basis: 'override', disagreesWithCase: true });
  });
});

describe('Chinese script', () => {
  it('tells Traditional from Simplified, which tinyld reports as one language', () => {
    const traditional = detectCustomerLocale({
      messages: [customer('請問我的訂單什麼時候會到？已經過了兩個星期還沒收到貨。')],
      caseLocale: 'en',
      market: 'SG',
      available: AVAILABLE,
    });
    expect(traditional).toMatchObject({ locale: 'zh-TW', basis: 'messages' });
    const simplified = detectCustomerLocale({
      messages: [customer('请问我的订单什么时候会到？已经过了两个星期还没收到货。')],
      caseLocale: 'en',
      market: 'SG',
      available: AVAILABLE,
    });
    expect(simplified).toMatchObject({ locale: 'zh-CN', basis: 'messages' });
  });
});
