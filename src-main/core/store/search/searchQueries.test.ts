import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullName } from '../../../../src-shared/domain/case';
import { tempStore, type TempStore } from '../testStore';

let t: TempStore;
beforeAll(() => {
  t = tempStore(500);
});
afterAll(() => t.dispose());

/** Which cases contain every term somewhere, found by plain string search over the demo data. */
function casesContaining(terms: readonly string[]): Set<string> {
  const text = new Map<string, string>();
  for (const c of t.data.cases)
    text.set(c.id, `${c.subject}\n${fullName(c.customer.name)}\n${c.order?.orderId ?? ''}`.toLowerCase());
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
