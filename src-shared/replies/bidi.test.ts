import { describe, expect, it } from 'vitest';
import { FSI, PDI, textDirection } from './bidi';
import { buildReplyContext } from './buildReplyContext';
import { builtinReplyLibrary, builtinSalutations } from './builtinLibrary';
import { demoReplyCase } from './demoReplyCases';
import { getReply } from './replyLibrary';
import { renderReply } from './renderReply';

const library = builtinReplyLibrary();
const salutations = builtinSalutations();
const context = buildReplyContext(demoReplyCase('SA').caseRecord, {
  agentName: 'Li Wei',
  brand: 'Crossdesk Shop',
  trackingNumber: '1Z999AA10123456784',
  expectedAt: '2026-11-28T12:00:00Z',
});

/** The runs wrapped in FSI … PDI, in order; throws on unbalanced isolates. */
function isolatedRuns(text: string): string[] {
  const runs: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === FSI) {
      depth++;
      if (depth === 1) current = '';
      continue;
    }
    if (char === PDI) {
      depth--;
      if (depth < 0) throw new Error('PDI without FSI');
      if (depth === 0) runs.push(current);
      continue;
    }
    if (depth > 0) current += char;
  }
  if (depth !== 0) throw new Error('FSI without PDI');
  return runs;
}

describe('right-to-left replies', () => {
  it('isolates order ids, amounts, Latin names and tracking numbers inside Arabic text', () => {
    const rendered = renderReply(getReply(library, 'return_refund.partial_refund'), context, 'ar', { salutations });
    expect(rendered.direction).toBe('rtl');
    const runs = isolatedRuns(rendered.text);
    expect(runs).toContain('Omar');
    expect(runs).toContain('NN-20261102-448');
    expect(runs).toContain('\u200f٤٩٩٫٠٠\u00a0ر.س.\u200f');
    expect(runs).toContain('Li Wei');
    expect(runs).toContain('Crossdesk Shop');
    const shipped = renderReply(getReply(library, 'inquiry.order_status'), context, 'ar', { salutations });
    expect(isolatedRuns(shipped.text)).toEqual(expect.arrayContaining(['1Z999AA10123456784', 'NN-20261102-448']));
  });

  it('never leaves an order id, amount or date outside an isolate in any Arabic reply', () => {
    for (const reply of library.replies) {
      const rendered = renderReply(reply, context, 'ar', { salutations });
      const outside = rendered.text.replace(/\u2068[^\u2069]*\u2069/gu, '');
      for (const value of Object.values(rendered.values)) {
        if (typeof value === 'string' && value !== 'male' && value.length > 2)
          expect(outside, `${reply.id}: ${value}`).not.toContain(value);
      }
    }
  });

  it('adds no isolates to left-to-right languages', () => {
    const rendered = renderReply(getReply(library, 'return_refund.partial_refund'), context, 'en', { salutations });
    expect(rendered.direction).toBe('ltr');
    expect(rendered.text).not.toMatch(/[\u2066-\u2069]/u);
  });
});

describe('textDirection', () => {
  it('takes the direction of the first letter, skipping digits and punctuation', () => {
    expect(textDirection('Komplain pesanan')).toBe('ltr');
    expect(textDirection('ขอซ่อมตามประกัน')).toBe('ltr');
    expect(textDirection('123 · طلب استرداد')).toBe('rtl');
    expect(textDirection('«שלום»')).toBe('rtl');
    expect(textDirection('2611-123')).toBe('ltr');
  });
});
