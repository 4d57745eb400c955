import { z } from 'zod';
import { CaseTypeSchema } from '../domain/caseType';
import { ItemCategorySchema } from '../domain/case';
import { CurrencySchema, DateOnlySchema, LocaleSchema, TimeZoneSchema } from '../domain/ids';
import { MarketCodeSchema, RegionCodeSchema } from '../domain/market';

/** Text an agent reads in their UI language; English and Simplified Chinese are required (agents' UI languages). */
export const LocalizedTextSchema = z
  .object({ en: z.string().min(1), 'zh-CN': z.string().min(1) })
  .catchall(z.string().min(1));
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const SourceSchema = z.object({
  label: z.string().min(1),
  url: z.url().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

/** A legal fact as the UI shows it: what it says, where it comes from, and whether that was checked. */
export const LegalFactSchema = z.object({
  summary: LocalizedTextSchema,
  source: SourceSchema,
  verified: z.boolean(),
});
export type LegalFact = z.infer<typeof LegalFactSchema>;

export const PERIOD_UNITS = ['calendar_days', 'business_days', 'months', 'years', 'hours'] as const;
/**
 * How a legal period ends when its last day is not a working day:
 * - next_working_day: EU Reg. 1182/71 art. 3(4) (Saturday, Sunday or holiday), RU Civil Code art. 193, KR Civil Act art. 161;
 * - after_sunday_or_holiday: CN Civil Code art. 203 as applied to the 7-day return (Saturdays are not named).
 */
export const END_ADJUSTMENTS = ['none', 'next_working_day', 'after_sunday_or_holiday'] as const;

export const PeriodRuleSchema = z.object({
  amount: z.int().min(0),
  unit: z.enum(PERIOD_UNITS),
  /** day_after: the day of the event is not counted (most civil codes); same_day: it is day 1 (JP 起算). */
  startOffset: z.enum(['day_after', 'same_day']).default('day_after'),
  endAdjust: z.enum(END_ADJUSTMENTS).default('none'),
});
export type PeriodRule = z.infer<typeof PeriodRuleSchema>;

export const CLOCK_KINDS = [
  'withdrawal_ends',
  'refund_due',
  'guarantee_ends',
  'defect_presumption_ends',
  'short_term_reject_ends',
  'defect_claim_ends',
  'privacy_ack_due',
  'privacy_response_due',
  'complaint_ack_due',
  'complaint_redress_due',
  /** The seller must have repaired or replaced the goods by then (FR L217-10, BR CDC art. 18 §1). */
  'repair_due',
] as const;
export const ClockKindSchema = z.enum(CLOCK_KINDS);
export type ClockKind = z.infer<typeof ClockKindSchema>;

export const CLOCK_STARTS = [
  'delivery',
  'purchase',
  'return_received',
  'withdrawal_notice',
  'privacy_received',
  'complaint_received',
  /** The day the goods reached the seller for repair (a workflow step the agent or an integration records). */
  'repair_received',
] as const;
export const ClockStartSchema = z.enum(CLOCK_STARTS);
export type ClockStart = z.infer<typeof ClockStartSchema>;

export const ExclusionSchema = z.object({
  categories: z.array(ItemCategorySchema).min(1),
  /** always: the law excludes these goods; conditional: only in the situation the summary describes. */
  when: z.enum(['always', 'conditional']),
  summary: LocalizedTextSchema,
  source: SourceSchema,
  verified: z.boolean(),
});
export type Exclusion = z.infer<typeof ExclusionSchema>;

export const StatutoryClockRuleSchema = z.object({
  kind: ClockKindSchema,
  startsFrom: ClockStartSchema,
  period: PeriodRuleSchema,
  /** Different periods by item category (BR art. 26: 30 days non-durable, 90 days durable). */
  byCategory: z
    .array(z.object({ categories: z.array(ItemCategorySchema).min(1), period: PeriodRuleSchema }))
    .optional(),
  /** The clock runs only in this situation (JP: seller showed no return terms; US-CA: no posted policy). */
  condition: LocalizedTextSchema.optional(),
  /** Case types the clock matters for; defaults by kind when omitted. */
  caseTypes: z.array(CaseTypeSchema).optional(),
  fact: LegalFactSchema,
  /** Source of the counting rule (start day, end adjustment), which is often a different law. */
  counting: LegalFactSchema.optional(),
  exclusions: z.array(ExclusionSchema).default([]),
  /** A repair under the guarantee lengthens it (FR L217-13: six months), counted on from the period's end. */
  extendedAfterRepair: z.object({ months: z.int().min(1).max(60), fact: LegalFactSchema }).optional(),
});
export type StatutoryClockRule = z.infer<typeof StatutoryClockRuleSchema>;

/** A clock the law of this market does not have, with the reason the UI shows. */
export const AbsentClockSchema = z.object({ kind: ClockKindSchema, fact: LegalFactSchema });

export const RightsSchema = z.object({
  consumerLaw: LegalFactSchema,
  withdrawal: LegalFactSchema,
  returnShipping: LegalFactSchema.extend({
    payer: z.enum(['consumer', 'seller', 'consumer_if_informed', 'not_regulated']),
  }),
  refund: LegalFactSchema,
  guarantee: LegalFactSchema,
  privacy: LegalFactSchema,
  authority: LegalFactSchema,
  disputeBody: LegalFactSchema,
  clocks: z.array(StatutoryClockRuleSchema),
  absentClocks: z.array(AbsentClockSchema).default([]),
});
export type Rights = z.infer<typeof RightsSchema>;

export const CULTURE_TOPICS = [
  'formality',
  'greeting',
  'signOff',
  'apology',
  'directness',
  'names',
  'channels',
  'responseTime',
  'avoid',
] as const;
export const CultureTopicSchema = z.object({
  text: LocalizedTextSchema,
  source: SourceSchema.optional(),
  verified: z.boolean(),
});
export type CultureTopic = z.infer<typeof CultureTopicSchema>;

export const CultureSchema = z.object({
  /** The address a first reply should use (Sie/vous/您 → formal; first-name cultures → neutral). */
  register: z.enum(['formal', 'neutral']),
  /** Salutation patterns with {family}, {given}, {full} placeholders, by locale. */
  honorifics: z
    .array(
      z.object({
        locale: LocaleSchema,
        female: z.string().min(1),
        male: z.string().min(1),
        unknown: z.string().min(1),
      }),
    )
    .min(1),
  topics: z.object({
    formality: CultureTopicSchema,
    greeting: CultureTopicSchema,
    signOff: CultureTopicSchema,
    apology: CultureTopicSchema,
    directness: CultureTopicSchema,
    names: CultureTopicSchema,
    channels: CultureTopicSchema,
    responseTime: CultureTopicSchema,
    avoid: CultureTopicSchema,
  }),
});
export type Culture = z.infer<typeof CultureSchema>;

const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
const IsoWeekdaySchema = z.int().min(1).max(7);

export const RegionSchema = z.object({
  name: z.string().min(1),
  timeZone: TimeZoneSchema.optional(),
  /** date-holidays state code when it differs from the region code. */
  holidayRegion: z.string().min(1).optional(),
  /** Clocks that replace the market's clocks of the same kind (e.g. California's 30-day return law). */
  clocks: z.array(StatutoryClockRuleSchema).default([]),
  notes: z.array(LegalFactSchema).default([]),
});
export type Region = z.infer<typeof RegionSchema>;

export const MarketPackSchema = z.object({
  code: MarketCodeSchema,
  name: LocalizedTextSchema,
  locales: z.array(LocaleSchema).min(1),
  currency: CurrencySchema,
  /** First zone is the market's reference zone for legal dates. */
  timeZones: z.array(TimeZoneSchema).min(1),
  direction: z.enum(['ltr', 'rtl']),
  nameOrder: z.enum(['given_family', 'family_given', 'varies']),
  /** ISO weekdays (1 = Monday) that are normal working days. */
  businessWeek: z.array(IsoWeekdaySchema).min(1),
  /** Typical office hours in the reference zone, used for the "customer market" SLA calendar. */
  businessHours: z.tuple([TimeOfDaySchema, TimeOfDaySchema]),
  holidays: z.object({
    /** date-holidays country code and optional default state (GB without a state omits the August bank holiday). */
    library: z.object({ country: z.string().min(2), defaultRegion: z.string().optional() }),
    /** Library entries that are not days off (observances, partial days), matched by name substring. */
    excludeNames: z.array(z.string().min(1)).default([]),
    /** Library holiday types counted as days off. */
    types: z.array(z.enum(['public', 'bank', 'optional', 'school', 'observance'])).default(['public']),
    /** The library cannot compute this market's days off (announced schedules, moon sighting): each year needs an override file. */
    needsYearlyOverride: z.boolean().default(false),
    source: SourceSchema,
  }),
  regions: z.record(RegionCodeSchema, RegionSchema).default({}),
  rights: RightsSchema,
  culture: CultureSchema,
});
export type MarketPack = z.infer<typeof MarketPackSchema>;
export type MarketPackInput = z.input<typeof MarketPackSchema>;

export const HolidayEntrySchema = z.object({
  date: DateOnlySchema,
  name: z.string().min(1),
  /** collective_leave: ID cuti bersama, VN public-sector bridge days: offices close, counted as closed. */
  kind: z.enum(['public', 'substitute', 'collective_leave']).default('public'),
  /** Limits the entry to some regions of the market. */
  regions: z.array(z.string()).optional(),
  verified: z.boolean().optional(),
});
export type HolidayEntry = z.infer<typeof HolidayEntrySchema>;

/**
 * A correction of one market-year where the holiday library is wrong or lacks the official schedule.
 * replace: these entries are the year's holidays; patch: add entries and drop removeDates from the library's list.
 */
export const HolidayOverrideSchema = z.object({
  market: MarketCodeSchema,
  year: z.int().min(2000).max(2100),
  mode: z.enum(['replace', 'patch']),
  reason: z.string().min(1),
  source: SourceSchema,
  verified: z.boolean(),
  holidays: z.array(HolidayEntrySchema).default([]),
  removeDates: z.array(z.object({ date: DateOnlySchema, reason: z.string().min(1) })).default([]),
  /** Weekend days that are working days (CN 调休, RU переносы). */
  workingDays: z.array(z.object({ date: DateOnlySchema, reason: z.string().min(1) })).default([]),
});
export type HolidayOverride = z.infer<typeof HolidayOverrideSchema>;
