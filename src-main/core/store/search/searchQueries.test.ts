import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullName, type Case } from '../../../../src-shared/domain/case';
import { tempStore, type TempStore } from '../testStore';

let t: TempStore;
beforeAll(() => {
  t = tempStore(500);
});
afterAll(() => t.dispose());

/** Everything of a case search reads besides its messages: what the index holds, and its tags. */
function caseText(c: Case): string {
  const contacts = c.customer.contacts.map((contact) => contact.address).join(' ');
  const products = (c.order?.items ?? []).map((item) => item.title).join(' ');
  const orderId = c.order?.orderId ?? '';
  const orderKey = orderId.replace(/[-\s_./]/gu, '');
  return `${c.subject}\n${fullName(c.customer.name)} ${contacts}\n${orderId} ${orderKey} ${products}\n${c.tags.join(' ')}`;
}

/** Which cases contain every term somewhere, found by plain string search over the demo data. */
function casesContaining(terms: readonly string[]): Set<string> {
  const text = new Map<string, string>();
  for (const c of t.data.cases) text.set(c.id, caseText(c).toLowerCase());
  const bodies = new Map<string, string[]>();
  for (const m of t.data.messages) bodies.set(m.caseId, [...(bodies.get(m.caseId) ?? []), m.body.toLowerCase()]);
  const found = new Set<string>();
  for (const c of t.data.cases) {
    const fields = [text.get(c.id) ?? '', ...(bodies.get(c.id) ?? [])];
    if (fields.some((f) => terms.every((term) => f.includes(term.toLowerCase())))) found.add(c.id);
  }
  return found;
}

const QUERIES: readonly (readonly [string, string])[] = [
  ['Chinese, 2 characters (below trigram)', '退款'],
  ['Chinese, 4 characters', '退货退款'],
  ['Chinese, 1 character (a family name)', '王'],
  ['Japanese kana and kanji', '返品'],
  ['Japanese, longer', '保証期間'],
  ['Korean, 2 syllables', '환불'],
  ['Korean, two short words', '반품 접수'],
  ['Chinese, a long term narrowed by a short one', '退货退款 谢谢'],
  ['Thai', 'คืนเงิน'],
  ['Arabic', 'استرداد'],
  ['Cyrillic', 'возврат'],
  ['Hindi', 'रिफंड'],
  ['Vietnamese', 'hoàn tiền'],
  ['German', 'Erstattung'],
  ['English, any case', 'REFUND'],
  ['Spanish', 'reembolso'],
];

describe('full-text search', () => {
  it.each(QUERIES)('%s: %s finds the cases that contain it', (_label, query) => {
    const terms = query.split(' ');
    const expected = casesContaining(terms);
    expect(expected.size, 'the demo set should contain this text').toBeGreaterThan(0);
    const hits = t.store.search(query, 200);
    const ids = hits.map((h) => h.row.id);
    for (const id of ids) expect(expected.has(id), `unexpected hit for ${query}`).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    if (expected.size <= 200) expect(new Set(ids)).toEqual(expected);
    else expect(ids.length).toBe(200);
    for (const hit of hits.slice(0, 5)) expect(hit.snippet.length).toBeGreaterThan(0);
  });

  it('finds customer names, order ids and subjects, with and without diacritics', () => {
    const de = t.data.cases.find((c) => c.customer.name.family === 'Müller');
    if (de) {
      expect(t.store.search('Müller', 200).map((h) => h.row.id)).toContain(de.id);
      expect(t.store.search('muller', 200).map((h) => h.row.id)).toContain(de.id);
    }
    const withOrder = t.data.cases.find((c) => c.order);
    const orderId = withOrder?.order?.orderId ?? '';
    expect(t.store.search(orderId, 5)[0]?.row.id).toBe(withOrder?.id);
    const ja = t.data.cases.find((c) => c.customer.market === 'JP');
    if (!ja) throw new Error('no Japanese customer');
    expect(t.store.search(ja.customer.name.family, 200).map((h) => h.row.id)).toContain(ja.id);
  });

  it('handles quotes, short Latin terms and nothing found', () => {
    expect(t.store.search('"unterminated', 10)).toEqual([]);
    expect(t.store.search('zzqxw', 10)).toEqual([]);
    const ref = t.data.cases[3]?.ref ?? '';
    expect(t.store.search('CD', 5).length).toBe(5);
    expect(t.store.search(ref, 5).map((h) => h.row.ref)).toContain(ref);
    expect(t.store.search(ref.toLowerCase(), 5)[0]?.row.ref).toBe(ref);
    const plan = t.sql.prepare("EXPLAIN QUERY PLAN SELECT id FROM cases WHERE ref GLOB 'CD-1*' ORDER BY ref").all();
    expect(JSON.stringify(plan)).toMatch(/INDEX cases_ref/);
  });
});

describe('search finds what agents paste (issue 14 item 11)', () => {
  const idsOf = (text: string) => t.store.search(text, 200).map((hit) => hit.row.id);

  it('finds a customer by an e-mail address and a case by a product title, and says where it matched', () => {
    const withEmail = t.data.cases.find((c) => c.customer.contacts.some((contact) => contact.address.includes('@')));
    const email = withEmail?.customer.contacts.find((contact) => contact.address.includes('@'))?.address ?? '';
    expect(email).not.toBe('');
    const byEmail = t.store.search(email, 200);
    expect(byEmail.map((hit) => hit.row.id)).toContain(withEmail?.id);
    expect(byEmail.find((hit) => hit.row.id === withEmail?.id)?.snippet).toContain(email);
    const withItem = t.data.cases.find((c) => (c.order?.items[0]?.title.length ?? 0) >= 6);
    const title = withItem?.order?.items[0]?.title ?? '';
    const byTitle = t.store.search(title, 200);
    expect(byTitle.map((hit) => hit.row.id)).toContain(withItem?.id);
    expect(byTitle.find((hit) => hit.row.id === withItem?.id)?.snippet).toContain(title.slice(0, 20));
  });

  it('finds a reference without "CD-" and an order number without its separators', () => {
    const someCase = t.data.cases[7];
    expect(idsOf(someCase?.ref.replace(/^CD-/u, '') ?? '?')).toContain(someCase?.id);
    const amazon = t.data.cases.find((c) => c.order?.orderId.includes('-'));
    const orderId = amazon?.order?.orderId ?? '';
    expect(orderId).not.toBe('');
    const hits = t.store.search(orderId.replaceAll('-', ''), 10);
    expect(hits[0]?.row.id).toBe(amazon?.id);
    expect(hits[0]?.snippet).toBe(orderId);
  });

  it('finds the cases with a tag, written with or without "#"', () => {
    const tagged = t.data.cases.find((c) => c.tags.length > 0);
    const tag = tagged?.tags[0] ?? '';
    expect(tag).not.toBe('');
    const expected = t.data.cases.filter((c) => c.tags.includes(tag)).map((c) => c.id);
    const exact = t.store.search(`#${tag}`, 200);
    expect(new Set(exact.map((hit) => hit.row.id))).toEqual(new Set(expected));
    expect(exact[0]?.snippet).toBe(`#${tag}`);
    expect(idsOf(tag)).toEqual(expect.arrayContaining(expected));
  });
});
