import { z } from 'zod';
import {
  CaseTypeSchema,
  ChannelSchema,
  InstantSchema,
  ItemCategorySchema,
  LocaleSchema,
  MarketCodeSchema,
  MoneySchema,
  PersonNameSchema,
  RegionCodeSchema,
  TimeZoneSchema,
} from '../domain';
import { ClockKindSchema } from '../markets/schema';

/** The languages of the agents' UI: everything a trainee reads (briefing, feedback, debrief) exists in all six. */
export const UI_LANGUAGES = ['zh-CN', 'en', 'ar', 'es', 'de', 'ja'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const UiTextSchema = z.strictObject({
  'zh-CN': z.string().min(1),
  en: z.string().min(1),
  ar: z.string().min(1),
  es: z.string().min(1),
  de: z.string().min(1),
  ja: z.string().min(1),
});
export type UiText = z.infer<typeof UiTextSchema>;

/** Feedback written in the rule, or "#key" of the shared catalog (resources/scenarios/feedback.json). */
export const FeedbackRefSchema = z.union([
  z.string().regex(/^#[a-z][A-Za-z0-9]*$/, 'a catalog key such as #mirrorGreeting'),
  UiTextSchema,
]);
export type FeedbackRef = z.infer<typeof FeedbackRefSchema>;

/**
 * The practice tool palette, named like the workstation's mutations (case.reply, case.addNote): what a
 * trainee can do besides writing. Practice actions never reach a live case.
 */
export const PRACTICE_ACTIONS = [
  'refund.initiate',
  'return.authorize',
  'returnLabel.create',
  'photo.request',
  'exchange.create',
  'repair.book',
  'priceAdjustment.refund',
  'privacy.export',
  'privacy.erase',
  'payment.investigate',
  'case.escalate',
] as const;
export const PracticeActionSchema = z.enum(PRACTICE_ACTIONS);
export type PracticeAction = z.infer<typeof PracticeActionSchema>;

/** Writing systems a reply can be required to use (ISO 15924; Jpan = Han + kana). */
export const SCRIPTS = ['Latn', 'Arab', 'Cyrl', 'Jpan', 'Hani', 'Hang', 'Thai', 'Deva'] as const;
export const ScriptSchema = z.enum(SCRIPTS);
export type Script = z.infer<typeof ScriptSchema>;

/** The agents' pre-send checks (src-shared/replies checkReply) usable as rules. */
export const REPLY_CHECKS = ['formality', 'statutoryWindow', 'amounts', 'dates'] as const;
export const ReplyCheckSchema = z.enum(REPLY_CHECKS);
export type ReplyCheck = z.infer<typeof ReplyCheckSchema>;

/** ISO 8601 duration (PT2H, P1D); read with luxon when the scenario is compiled. */
export const DurationSchema = z
  .string()
  .regex(/^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$/, 'an ISO 8601 duration such as PT2H or P1DT4H');

const Id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a lower-case id such as r_mirror');
/** A literal phrase, or "@name" of a marker set (its phrases in the scenario's locale). */
const PhraseSchema = z.string().min(1).max(200);
const Phrases = z.array(PhraseSchema).min(1);

/** Every key present must hold (an AND of checks). */
export const CheckSchema = z
  .strictObject({
    any: Phrases.optional(),
    all: Phrases.optional(),
    none: Phrases.optional(),
    regex: z.string().min(1).max(500).optional(),
    first: PhraseSchema.optional(),
    before: z.tuple([PhraseSchema, PhraseSchema]).optional(),
    script: ScriptSchema.optional(),
    action: PracticeActionSchema.optional(),
    noAction: PracticeActionSchema.optional(),
    maxLength: z.int().min(1).max(20_000).optional(),
    askedFor: PhraseSchema.optional(),
    replyWithin: DurationSchema.optional(),
    replyCheck: ReplyCheckSchema.optional(),
  })
  .refine((check) => Object.keys(check).length > 0, 'a check needs at least one condition');
export type Check = z.infer<typeof CheckSchema>;

export const RuleSchema = z.strictObject({
  id: Id,
  category: Id,
  points: z.int().min(1).max(100),
  /** A failed critical rule sets the whole score to 0 (auto-fail). */
  critical: z.boolean().default(false),
  /** Condition under which the rule does not apply: it leaves both sides of the score. */
  na_if: z.string().min(1).optional(),
  check: CheckSchema,
  feedback: z.strictObject({ pass: FeedbackRefSchema.optional(), fail: FeedbackRefSchema.optional() }).default({}),
});
export type Rule = z.infer<typeof RuleSchema>;

/** Text the customer writes, by locale; the scenario's own locale is required. */
const CustomerTextSchema = z.record(LocaleSchema, z.string().min(1).max(4000));

const BranchSchema = z.strictObject({
  if: z.string().min(1),
  goto: Id,
  /** State changes such as "patience-=2, trust+=1". */
  set: z.string().min(1).optional(),
});

const OptionSchema = z.strictObject({
  id: Id,
  /** What the trainee sends, in the scenario's locale. */
  text: z.string().min(1).max(4000),
  /** Points per rubric category; negative for what costs. */
  score: z.record(Id, z.int().min(-100).max(100)).default({}),
  /** The category whose critical criterion this choice fails (auto-fail). */
  critical: Id.optional(),
  action: PracticeActionSchema.optional(),
  feedback: FeedbackRefSchema.optional(),
  set: z.string().min(1).optional(),
  goto: Id,
});
export type ChoiceOption = z.infer<typeof OptionSchema>;

/** An author's answer to a compose node: the explorer plays it, and its expectations test the rules. */
const SampleSchema = z.strictObject({
  id: Id,
  text: z.string().min(1).max(4000),
  actions: z.array(PracticeActionSchema).default([]),
  /** Time the trainee takes to answer, on the scenario clock. */
  delay: DurationSchema.default('PT5M'),
  expect: z
    .strictObject({ pass: z.array(Id).default([]), fail: z.array(Id).default([]), na: z.array(Id).default([]) })
    .default({ pass: [], fail: [], na: [] }),
});
export type Sample = z.infer<typeof SampleSchema>;

/** The trainee's turn: write a reply (compose) or pick one of the author's options (choose). */
const AgentNodeSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    type: z.literal('agent'),
    mode: z.literal('compose'),
    prompt: UiTextSchema.optional(),
    actions: z.array(PracticeActionSchema).default([]),
    rules: z.array(Id).min(1),
    samples: z.array(SampleSchema).min(1),
    branches: z.array(BranchSchema).min(1),
  }),
  z.strictObject({
    type: z.literal('agent'),
    mode: z.literal('choose'),
    prompt: UiTextSchema.optional(),
    options: z.array(OptionSchema).min(2),
  }),
]);

export const NodeSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('customer'),
    text: CustomerTextSchema,
    /** Time between the previous step and this message. */
    after: DurationSchema.optional(),
    next: Id,
  }),
  z.strictObject({ type: z.literal('event'), text: UiTextSchema, advance: DurationSchema.optional(), next: Id }),
  AgentNodeSchema,
  z.strictObject({
    type: z.literal('end'),
    outcome: Id,
    debrief: UiTextSchema.optional(),
  }),
]);
export type ScenarioNode = z.infer<typeof NodeSchema>;
export type ComposeNode = Extract<ScenarioNode, { mode: 'compose' }>;
export type ChooseNode = Extract<ScenarioNode, { mode: 'choose' }>;

export const HiddenFactSchema = z.strictObject({ id: Id, text: UiTextSchema, revealWhen: z.string().min(1) });
export type HiddenFact = z.infer<typeof HiddenFactSchema>;

/** The order as the trainee's case shows it; dates are days before the scenario clock starts. */
export const ScenarioOrderSchema = z.strictObject({
  /** Synthetic: training order ids start with TRN- so they can never match a live order. */
  id: z.string().regex(/^TRN-[A-Z0-9-]{3,40}$/, 'a training order id such as TRN-DE-4411'),
  item: z.string().min(1).max(300),
  category: ItemCategorySchema,
  total: MoneySchema,
  purchasedDaysAgo: z.int().min(0).max(3650),
  deliveredDaysAgo: z.int().min(0).max(3650).optional(),
  returnReceivedDaysAgo: z.int().min(0).max(3650).optional(),
});
export type ScenarioOrder = z.infer<typeof ScenarioOrderSchema>;

export const CategorySchema = z.strictObject({
  id: Id,
  weight: z.int().min(1).max(100),
  /** A category scored below 50 % fails the whole run (Zendesk's critical categories). */
  critical: z.boolean().default(false),
});

export const ScenarioSchema = z.strictObject({
  format: z.literal('crossdesk.scenario/1'),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case id such as de-return-empathy'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a semantic version such as 1.0.0'),
  market: MarketCodeSchema,
  region: RegionCodeSchema.optional(),
  /** The customer's language: customer texts, markers and the trainee's replies are in it. */
  locale: LocaleSchema,
  caseType: CaseTypeSchema,
  channel: ChannelSchema,
  difficulty: z.int().min(1).max(5),
  estMinutes: z.int().min(1).max(120),
  passThreshold: z.int().min(0).max(100),
  title: UiTextSchema,
  briefing: UiTextSchema,
  /** Observable in the transcript ("quoted the last day to withdraw"), not "was helpful". */
  objectives: z.array(UiTextSchema).min(1),
  /**
   * How the customer relates to the market's usual convention (markets.md, culture notes): every market's
   * set has a counter-example, because the customer's own signals beat the market default.
   */
  convention: z.strictObject({ kind: z.enum(['typical', 'counter']), note: UiTextSchema }),
  clock: z.strictObject({
    start: InstantSchema,
    /** The market's zone when omitted. */
    timeZone: TimeZoneSchema.optional(),
    /** "market" (the pack's business week and hours) or hours such as "Sun-Thu 09:00-17:00"; the market's holidays apply. */
    businessHours: z.string().min(1),
  }),
  persona: z.strictObject({
    name: PersonNameSchema,
    register: z.enum(['formal', 'neutral', 'casual']),
    traits: z.array(z.string().min(1).max(40)).default([]),
    patience: z.int().min(0).max(10),
  }),
  order: ScenarioOrderSchema.optional(),
  facts: z.strictObject({ hidden: z.array(HiddenFactSchema).default([]) }).default({ hidden: [] }),
  /** Statutory clocks the scenario relies on; their dates come from the rights calculator on the scenario clock. */
  rights: z.array(ClockKindSchema).default([]),
  /** Further amounts the scenario talks about (a return fee): placeholders {amounts.name} and known to the amounts check. */
  amounts: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), MoneySchema).default({}),
  policy: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), z.union([z.string().min(1), z.number()])).default({}),
  markers: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), z.record(LocaleSchema, Phrases)).default({}),
  rubric: z.strictObject({ ref: z.string().min(1), categories: z.array(CategorySchema).min(1) }),
  rules: z.array(RuleSchema).default([]),
  /** State variables and their start values (patience defaults to the persona's). */
  state: z.record(Id, z.int()).default({}),
  start: Id,
  nodes: z.record(Id, NodeSchema),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
