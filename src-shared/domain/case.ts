import { z } from 'zod';
import { DateOnlySchema, IdSchema, InstantSchema, LocaleSchema, TimeZoneSchema } from './ids';
import { MarketCodeSchema, RegionCodeSchema } from './market';
import { MoneySchema } from './money';
import { CaseTypeSchema, ChannelSchema, PrioritySchema } from './caseType';
import { CaseStatusSchema } from './caseStatus';
import { TEXT_LIMITS } from './limits';
import { ATTACHMENT_LIMITS, AttachmentSchema } from './attachment';
import { MAX_WORKFLOW_STEPS, WorkflowStepSchema } from './workflow';

/**
 * A person's name kept in parts, because salutations differ by market:
 * "王先生" uses the family name first, "Sehr geehrte Frau Müller" the family name with a title,
 * "田中様" the family name with an honorific.
 */
export const PersonNameSchema = z.object({
  given: z.string().max(120),
  family: z.string().max(120),
  order: z.enum(['given_family', 'family_given']),
  /** Grammatical gender for salutations where the language needs one; unknown by default. */
  gender: z.enum(['female', 'male', 'unknown']).default('unknown'),
});
export type PersonName = z.infer<typeof PersonNameSchema>;

export function fullName(name: PersonName): string {
  const parts = name.order === 'family_given' ? [name.family, name.given] : [name.given, name.family];
  // CJK names are written without a space between family and given name.
  const joiner = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(parts.join('')) ? '' : ' ';
  return parts.filter(Boolean).join(joiner);
}

export const ContactSchema = z.object({
  channel: ChannelSchema,
  address: z.string().min(1).max(320),
});

export const CustomerSchema = z.object({
  id: IdSchema,
  name: PersonNameSchema,
  locale: LocaleSchema,
  market: MarketCodeSchema,
  region: RegionCodeSchema.optional(),
  timeZone: TimeZoneSchema,
  contacts: z.array(ContactSchema),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const ITEM_CATEGORIES = [
  'electronics',
  'appliances',
  'furniture',
  'apparel',
  'shoes',
  'beauty',
  'toys',
  'home',
  'sports',
  'books',
  'food',
  'digital',
  'jewelry',
  'custom_made',
] as const;
export const ItemCategorySchema = z.enum(ITEM_CATEGORIES);
export type ItemCategory = z.infer<typeof ItemCategorySchema>;

export const OrderItemSchema = z.object({
  sku: z.string().min(1).max(64),
  title: z.string().min(1).max(300),
  category: ItemCategorySchema,
  quantity: z.int().min(1),
  unitPrice: MoneySchema,
});

export const OrderSchema = z.object({
  platform: z.string().min(1).max(64),
  orderId: z.string().min(1).max(64),
  items: z.array(OrderItemSchema).min(1),
  total: MoneySchema,
  purchasedAt: InstantSchema,
  shippedAt: InstantSchema.optional(),
  deliveredAt: InstantSchema.optional(),
  /** The day a return reached the seller: starts the statutory refund clock. */
  returnReceivedAt: DateOnlySchema.optional(),
});
export type Order = z.infer<typeof OrderSchema>;

export const CaseSchema = z.object({
  id: IdSchema,
  /** Short human reference shown to agents and customers (CD-104233). */
  ref: z.string().regex(/^CD-\d{4,9}$/),
  type: CaseTypeSchema,
  status: CaseStatusSchema,
  priority: PrioritySchema,
  channel: ChannelSchema,
  subject: z.string().max(300),
  /** The customer's language for replies; may be corrected by detection or by the agent. */
  locale: LocaleSchema,
  customer: CustomerSchema,
  order: OrderSchema.optional(),
  teamId: IdSchema,
  assigneeId: IdSchema.nullable(),
  tags: z.array(z.string().min(1).max(TEXT_LIMITS.tag)),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  /** When the case entered its current status; SLA pauses and ages start here. */
  statusChangedAt: InstantSchema,
  firstRepliedAt: InstantSchema.nullable(),
  lastCustomerMessageAt: InstantSchema.nullable(),
  /** The earliest open SLA deadline, kept denormalised so the queue can sort by it without computing. */
  slaDueAt: InstantSchema.nullable(),
  mergedIntoId: IdSchema.nullable(),
  /** The after-sales steps recorded so far (return, exchange, repair, price protection, payment), oldest first. */
  workflowSteps: z.array(WorkflowStepSchema).max(MAX_WORKFLOW_STEPS).optional(),
  /** Bumped by the server on every change to the case row. */
  version: z.int().min(1),
  /** Bumped only when the assignee changes, so a "take" can tell whether someone else got there first. */
  assigneeVersion: z.int().min(1),
});
export type Case = z.infer<typeof CaseSchema>;

export const DELIVERY_STATES = ['received', 'queued', 'sending', 'sent', 'delivered', 'failed'] as const;
export const DeliveryStateSchema = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;

export const MessageSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  direction: z.enum(['inbound', 'outbound']),
  /** Only human-written outbound messages satisfy a reply target; auto-acknowledgements do not. */
  authorKind: z.enum(['customer', 'agent', 'automation']),
  authorId: IdSchema.nullable(),
  locale: LocaleSchema,
  channel: ChannelSchema,
  body: z.string().min(1).max(TEXT_LIMITS.messageBody),
  /** Server arrival time: the order of the conversation. */
  createdAt: InstantSchema,
  /** When the author wrote it (the agent's clock while offline); shown, never used for ordering. */
  writtenAt: InstantSchema,
  deliveryState: DeliveryStateSchema,
  /** Files that came with the message or that the agent attached; absent when there are none. */
  attachments: z.array(AttachmentSchema).min(1).max(ATTACHMENT_LIMITS.filesPerMessage).optional(),
});
export type Message = z.infer<typeof MessageSchema>;

export const NoteSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  authorId: IdSchema,
  body: z.string().min(1).max(TEXT_LIMITS.messageBody),
  createdAt: InstantSchema,
  writtenAt: InstantSchema,
  attachments: z.array(AttachmentSchema).min(1).max(ATTACHMENT_LIMITS.filesPerMessage).optional(),
});
export type Note = z.infer<typeof NoteSchema>;

export const CASE_EVENT_KINDS = [
  'created',
  'assigned',
  'status_changed',
  'priority_changed',
  'tag_added',
  'tag_removed',
  'field_changed',
  'merged',
  'sla_state_changed',
  'replied_while_offline',
  'workflow_step',
] as const;
export const CaseEventKindSchema = z.enum(CASE_EVENT_KINDS);

/** The audit trail of a case: who did what, when, as the server recorded it. */
export const CaseEventSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  kind: CaseEventKindSchema,
  actorId: IdSchema.nullable(),
  at: InstantSchema,
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;
