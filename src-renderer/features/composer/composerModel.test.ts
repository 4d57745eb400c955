import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../src-shared/contract/workstation';
import { generateDemoData } from '../../../src-shared/demo/index';
import { builtinReplyLibrary } from '../../../src-shared/replies/builtinLibrary';
import { blocksSending, findingsFor, replyContextFor, sendState, sideBySideFor } from './composerModel';
import { replyOptions } from './replyCatalog';

const NOW = '2026-11-25T08:00:00.000Z';
const demo = generateDemoData({ seed: 20261125, cases: 400, now: NOW });
const chineseReturn = demo.cases.find(
  (record) =>
    record.type === 'return_refund' &&
    record.customer.market === 'CN' &&
    record.locale === 'zh-CN' &&
    record.order !== undefined,
);
if (chineseReturn === undefined) throw new Error('demo has no CN return case');
const writer = { agentName: 'Li Na', brand: 'Crossdesk Shop' };

describe('replyOptions', () => {
  it('offers only replies for the case type, searchable by purpose in the UI language or English', () => {
    const all = replyOptions(builtinReplyLibrary(), {
      caseType: 'return_refund',
      customerLocale: 'zh-CN',
      uiLanguage: 'zh-CN',
      query: '',
    });
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((option) => option.template.caseTypes.includes('return_refund'))).toBe(true);
    const refund = replyOptions(builtinReplyLibrary(), {
      caseType: 'return_refund',
      customerLocale: 'zh-CN',
      uiLanguage: 'zh-CN',
      query: 'refund issued',
    });
    expect(refund.map((option) => option.id)).toContain('return_refund.refund_issued');
    expect(refund.length).toBeLessThan(all.length);
    expect(
      replyOptions(builtinReplyLibrary(), {
        caseType: 'return_refund',
        customerLocale: 'zh-CN',
        uiLanguage: 'en',
        query: 'zzzz-no-such',
      }),
    ).toEqual([]);
  });

  it('does not offer a reply that says a label is attached while the desk cannot attach one (issue 14.3)', () => {
    const input = { caseType: 'return_refund', customerLocale: 'zh-CN', uiLanguage: 'zh-CN', query: '' } as const;
    const context = replyContextFor(chineseReturn, writer);
    const ids = (options: readonly { id: string }[]) => options.map((option) => option.id);
    expect(ids(replyOptions(builtinReplyLibrary(), { ...input, context }))).not.toContain(
      'return_refund.approve_return_with_label',
    );
    expect(
      ids(replyOptions(builtinReplyLibrary(), { ...input, context: { ...context, attachments: ['return_label'] } })),
    ).toContain('return_refund.approve_return_with_label');
  });

  it('marks replies that the customer would get in another language', () => {
    const options = replyOptions(builtinReplyLibrary(), {
      caseType: 'return_refund',
      customerLocale: 'sv-SE',
      uiLanguage: 'en',
      query: '',
    });
    expect(options.every((option) => !option.isCustomerLanguage && option.customerVariant === 'en')).toBe(true);
  });
});

describe('composer findings', () => {
  const context = replyContextFor(chineseReturn, writer);
  const template = replyOptions(builtinReplyLibrary(), {
    caseType: 'return_refund',
    customerLocale: 'zh-CN',
    uiLanguage: 'en',
    query: 'partial refund',
  })[0]?.template;
  if (template === undefined) throw new Error('no partial refund reply');
  const preview = sideBySideFor(template, context, { customer: 'zh-CN', agent: 'en' });

  it('renders both sides and finds nothing wrong in the untouched reply', () => {
    expect(preview.customer.text).toContain(chineseReturn.order?.orderId ?? 'missing');
    expect(preview.agent.text).toContain(chineseReturn.order?.orderId ?? 'missing');
    expect(findingsFor({ context, text: preview.customer.text, locale: 'zh-CN', preview })).toEqual([]);
  });

  it('blocks sending when the agent changes the order id in the customer text only', () => {
    const orderId = chineseReturn.order?.orderId ?? '';
    const edited = preview.customer.text.replace(orderId, '99999999999999');
    const findings = findingsFor({ context, text: edited, locale: 'zh-CN', preview });
    expect(findings.map((finding) => finding.code)).toContain('order_id_mismatch');
    expect(blocksSending(findings)).toBe(true);
  });

  it('flags a hole left in free text', () => {
    const findings = findingsFor({ context, text: '您好 {customerName}，已退款。', locale: 'zh-CN', preview: null });
    expect(findings.map((finding) => finding.code)).toContain('unfilled_placeholder');
  });
});

describe('sendState', () => {
  const messageId = '0190e4a6-0000-7000-8000-0000000000aa';
  const base: CaseDetail = { case: chineseReturn, messages: [], notes: [], events: [], pendingMutationCount: 0 };
  const message = {
    id: messageId,
    caseId: chineseReturn.id,
    direction: 'outbound' as const,
    authorKind: 'agent' as const,
    authorId: null,
    locale: 'zh-CN',
    channel: 'email' as const,
    body: '您好',
    createdAt: NOW,
    writtenAt: NOW,
    deliveryState: 'queued' as const,
  };
  it('follows a reply from the outbox to the server', () => {
    expect(sendState(messageId, { ...base, messages: [{ ...message, isPending: true }] }, [], null)).toBe('queued');
    expect(
      sendState(messageId, { ...base, messages: [{ ...message, deliveryState: 'sent', isPending: false }] }, [], null),
    ).toBe('sent');
  });
  it('reports a refused reply that left the thread for needs attention', () => {
    const item = {
      id: messageId,
      caseId: chineseReturn.id,
      caseRef: chineseReturn.ref,
      mutationName: 'case.reply@1',
      code: 'CASE_CLOSED' as const,
      message: 'closed',
      body: '您好',
      locale: 'zh-CN',
      createdAt: NOW,
    };
    expect(sendState(messageId, base, [item], '您好')).toBe('needs_attention');
    expect(sendState(messageId, base, [], '您好')).toBe('unknown');
  });
});
