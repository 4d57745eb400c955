import { describe, expect, it } from 'vitest';
import type { Case } from '../domain';
import { generateDemoData } from '../demo';
import { stripBidiControls } from './bidi';
import { buildReplyContext, type ReplyContextOptions } from './buildReplyContext';
import { builtinReplyLibrary, builtinSalutations } from './builtinLibrary';
import { checkReply } from './checkReply';
import { DEMO_REPLY_MARKETS, demoReplyCase } from './demoReplyCases';
import { replyAvailability } from './replyAvailability';
import type { ReplyContext } from './replyContext';
import { renderReply } from './renderReply';
import { draftOf } from './sideBySide';

const library = builtinReplyLibrary();
const salutations = builtinSalutations();
const AGENT_LOCALES = ['en', 'zh-CN', 'ar'];
/** What a reader must never see: a count the case could not supply, a JS hole, a placeholder left in braces. */
const BROKEN = /\bNaN\b|\bundefined\b|\{[^{}\s][^{}]*\}/u;

const cases: Case[] = [
  ...DEMO_REPLY_MARKETS.map((market) => demoReplyCase(market).caseRecord),
  ...generateDemoData({ seed: 20261125, cases: 40, now: '2026-11-25T08:00:00.000Z' }).cases,
];

/** The composer's context (only who writes) and one with every fact an agent can add. */
const WRITERS: readonly ReplyContextOptions[] = [
  { agentName: 'Li Na', brand: 'Crossdesk Shop' },
  {
    agentName: 'Li Na',
    brand: 'Crossdesk Shop',
    trackingNumber: 'JT0012345678',
    expectedAt: '2026-11-28T12:00:00Z',
    promisedDays: 5,
    attachments: ['return_label'],
  },
];

function contextOf(caseRecord: Case, writer: ReplyContextOptions): ReplyContext {
  try {
    return buildReplyContext(caseRecord, writer);
  } catch {
    // Same fallback as the composer: incomplete market data renders without legal deadlines.
    return buildReplyContext(caseRecord, { ...writer, clocks: [] });
  }
}

describe('every reply for every demo case (issue 14.3)', () => {
  it('renders without NaN, undefined or an empty placeholder when offered, and names what is missing when not', () => {
    const problems: string[] = [];
    let offered = 0;
    for (const caseRecord of cases) {
      for (const writer of WRITERS) {
        const context = contextOf(caseRecord, writer);
        for (const reply of library.replies) {
          const availability = replyAvailability(reply, context);
          for (const locale of [caseRecord.locale, ...AGENT_LOCALES]) {
            const rendered = renderReply(reply, context, locale, { salutations });
            const where = `${reply.id} ${caseRecord.ref} ${caseRecord.customer.market} ${locale}`;
            const text = stripBidiControls(rendered.text);
            // NaN in the reader's own script ("ليس رقمًا", "не число") is as broken as "NaN".
            const notANumber = new Intl.NumberFormat(rendered.formatLocale).format(Number.NaN);
            if (text.includes(notANumber)) problems.push(`${where}: ${notANumber}`);
            const empty = Object.entries(rendered.values).filter(([, value]) => String(value).trim() === '');
            if (availability.available) {
              offered++;
              if (BROKEN.test(text)) problems.push(`${where}: ${BROKEN.exec(text)?.[0] ?? ''}`);
              if (empty.length > 0) problems.push(`${where}: empty ${empty.map(([name]) => name).join(', ')}`);
              if (rendered.missing.length > 0) problems.push(`${where}: missing ${rendered.missing.join(', ')}`);
              continue;
            }
            // Not offered: the check that blocks it names every fact the case lacks.
            const named = checkReply({ context, customer: draftOf(rendered) })
              .filter((finding) => finding.code === 'missing_fact')
              .map((finding) => String(finding.params.name));
            const facts = availability.missing.filter((name) => name !== 'returnLabel');
            if (facts.some((name) => !named.includes(name)))
              problems.push(`${where}: blocks without naming ${facts.join(', ')}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(offered).toBeGreaterThan(cases.length * library.replies.length);
  });

  it('does not offer a reply that says a label is attached while none can be', () => {
    const context = contextOf(demoReplyCase('CN').caseRecord, WRITERS[0] ?? { agentName: 'Li Na', brand: 'Shop' });
    const labelled = library.replies.filter((reply) =>
      /label attached|return label attached|attached to this message/iu.test(reply.variants.en?.body ?? ''),
    );
    expect(labelled.map((reply) => reply.id).sort()).toEqual([
      'exchange.exchange_approved',
      'repair_warranty.repair_under_warranty',
      'return_refund.approve_return_with_label',
    ]);
    for (const reply of labelled) {
      expect(replyAvailability(reply, context).missing, reply.id).toContain('returnLabel');
      expect(replyAvailability(reply, { ...context, attachments: ['return_label'] }).missing, reply.id).not.toContain(
        'returnLabel',
      );
    }
  });
});
