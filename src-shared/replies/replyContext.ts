import { z } from 'zod';
import { DateOnlySchema, MarketCodeSchema, MoneySchema, PersonNameSchema, TimeZoneSchema } from '../domain';
import { AttachmentKindSchema } from './schema';

export const RegisterSchema = z.enum(['formal', 'neutral']);
export type Register = z.infer<typeof RegisterSchema>;

/** A statutory deadline as the rights calculator computed it; replies quote the date and keep the source. */
export const DeadlineSchema = z.object({
  /** Absent when the clock has not started (no return received yet) but its length is known. */
  dueDate: DateOnlySchema.optional(),
  /** Length of the legal period in days, when the rule counts days (14 for an EU withdrawal). */
  periodDays: z.int().min(0).optional(),
  /** The period counts working days (KR refund: 3 business days), so a reply must say so. */
  businessDays: z.boolean().optional(),
  rule: z.string().optional(),
  source: z.string().optional(),
  verified: z.boolean().optional(),
  /** The right exists only in a situation (JP: the seller showed no return terms); checks only warn. */
  conditional: z.boolean().optional(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const DEADLINE_NAMES = ['withdrawalEnds', 'refundDue', 'guaranteeEnds', 'privacyResponseDue'] as const;
export type DeadlineName = (typeof DEADLINE_NAMES)[number];

/**
 * Everything a reply may say, precomputed: the engine formats but never looks anything up, so the same
 * context renders identically in the renderer, in core and on the server.
 */
export const ReplyContextSchema = z.object({
  market: MarketCodeSchema,
  register: RegisterSchema,
  customer: z.object({ name: PersonNameSchema, timeZone: TimeZoneSchema }),
  /** The market's honorific patterns ({family}, {given}, {full}) by locale, from the market pack. */
  honorifics: z
    .array(z.object({ locale: z.string(), female: z.string(), male: z.string(), unknown: z.string() }))
    .default([]),
  agentName: z.string().min(1).max(120),
  brand: z.string().min(1).max(120),
  caseRef: z.string().min(1).max(32),
  orderId: z.string().min(1).max(64).optional(),
  orderTotal: MoneySchema.optional(),
  refundAmount: MoneySchema.optional(),
  priceDifference: MoneySchema.optional(),
  itemTitle: z.string().min(1).max(300).optional(),
  itemCount: z.int().min(0).optional(),
  trackingNumber: z.string().min(1).max(64).optional(),
  /** Instants (ISO with offset): shown as the date they fall on in the customer's zone. */
  purchasedAt: z.iso.datetime({ offset: true }).optional(),
  deliveredAt: z.iso.datetime({ offset: true }).optional(),
  expectedAt: z.iso.datetime({ offset: true }).optional(),
  deadlines: z.object({
    withdrawalEnds: DeadlineSchema.optional(),
    refundDue: DeadlineSchema.optional(),
    guaranteeEnds: DeadlineSchema.optional(),
    privacyResponseDue: DeadlineSchema.optional(),
  }),
  /** Working days the team promises for its next step (a repair, a review); a commercial promise. */
  promisedDays: z.int().min(1).max(365).optional(),
  /** Files the desk can attach to this reply (a carrier's return label); none until a carrier integration makes them. */
  attachments: z.array(AttachmentKindSchema).optional(),
});
export type ReplyContext = z.infer<typeof ReplyContextSchema>;
