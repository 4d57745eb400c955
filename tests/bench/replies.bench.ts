// Canned replies: what the composer does on every keystroke pause and every reply switch.
// Load and validate the shipped library (35 replies x 10 languages), render one reply side by side
// with its pre-send checks, check an edited draft, detect the language of a customer thread.
import {
  buildReplyContext,
  builtinSalutations,
  checkReply,
  demoReplyCase,
  detectCustomerLocale,
  draftOf,
  loadReplyLibrary,
  renderSideBySide,
  DEMO_REPLY_MARKETS,
} from '../../src-shared/replies/index';
import { LIBRARY_FILES } from '../../src-shared/replies/builtinLibrary';
import { measure, report } from './stats';

const raw = { version: 1, replies: LIBRARY_FILES.flatMap(({ data }) => (Array.isArray(data) ? data : [])) };
const load = await measure(() => loadReplyLibrary(raw), 20, 3);
const library = loadReplyLibrary(raw);
const salutations = builtinSalutations();

const LOCALE_OF: Record<string, string> = {
  GB: 'en',
  US: 'en',
  CN: 'zh-CN',
  DE: 'de',
  FR: 'fr',
  ES: 'es',
  JP: 'ja',
  KR: 'ko',
  SA: 'ar',
  BR: 'pt-BR',
  RU: 'ru',
};
const contexts = DEMO_REPLY_MARKETS.map((market) => ({
  locale: LOCALE_OF[market] ?? 'en',
  context: buildReplyContext(demoReplyCase(market).caseRecord, {
    agentName: 'Li Wei',
    brand: 'Crossdesk Shop',
    trackingNumber: 'JT0012345678',
    expectedAt: '2026-11-28T12:00:00Z',
    promisedDays: 5,
  }),
}));
const pairs = contexts.flatMap(({ locale, context }) => library.replies.map((reply) => ({ reply, locale, context })));

const sideBySide = await measure(
  (i) => {
    const { reply, locale, context } = pairs[i % pairs.length]!;
    return renderSideBySide(reply, context, { customer: locale, agent: 'zh-CN' }, { salutations });
  },
  2000,
  200,
);

const drafts = pairs.slice(0, 200).map(({ reply, locale, context }) => {
  const pair = renderSideBySide(reply, context, { customer: locale, agent: 'en' }, { salutations });
  return { context, customer: draftOf(pair.customer, `${pair.customer.text}\nP.S.`), agent: draftOf(pair.agent) };
});
const check = await measure((i) => checkReply(drafts[i % drafts.length]!), 2000, 200);

const thread = [
  {
    direction: 'inbound' as const,
    authorKind: 'customer' as const,
    body: 'Hallo, meine Bestellung ist beschädigt angekommen und ich möchte sie zurückgeben.',
  },
  {
    direction: 'inbound' as const,
    authorKind: 'customer' as const,
    body: 'Anbei die Fotos vom Karton und vom Gerät. Wie lange dauert die Erstattung?',
  },
];
const detect = await measure(
  () => detectCustomerLocale({ messages: thread, caseLocale: 'en', market: 'DE', available: ['en', 'de', 'fr'] }),
  500,
  50,
);

report('Replies', {
  'load + validate library (35 replies x 10 languages), ms': load,
  'render side by side + checks (customer + agent language), ms': sideBySide,
  'check an edited draft against the agent rendering, ms': check,
  'detect language of a 2-message thread (tinyld), ms': detect,
});
