import { z } from 'zod';
import { CaseTypeSchema, LocaleSchema } from '../domain';

/** What a canned reply is for; the composer proposes replies by case type and situation. */
export const SITUATIONS = [
  'acknowledge',
  'request_info',
  'request_photos',
  'return_instructions',
  'approve_return_with_label',
  'return_received',
  'refund_issued',
  'partial_refund',
  'decline_return_outside_window',
  'exchange_approved',
  'exchange_out_of_stock',
  'replacement_shipped',
  'repair_under_warranty',
  'repair_completed',
  'warranty_expired_paid_repair',
  'complaint_apology',
  'complaint_escalated',
  'complaint_resolved',
  'apology_for_delay',
  'price_protection_approved',
  'price_protection_declined',
  'privacy_request_received',
  'privacy_identity_verification',
  'privacy_request_fulfilled',
  'privacy_deletion_completed',
  'payment_dispute_guidance',
  'payment_duplicate_charge',
  'payment_failed',
  'order_status_update',
  'delivery_delayed',
  'product_information',
  'follow_up_no_response',
  'closing_confirmation',
] as const;
export const SituationSchema = z.enum(SITUATIONS);
export type Situation = z.infer<typeof SituationSchema>;

const ReplyIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, 'a dotted id such as return_refund.acknowledge');

/** Which version of the source text a translation was made (or last reviewed) from. */
export const TranslatedFromSchema = z.object({
  locale: LocaleSchema,
  sourceHash: z.string().regex(/^[0-9a-f]{14}$/),
});
export type TranslatedFrom = z.infer<typeof TranslatedFromSchema>;

/** Files a reply says are attached; a reply is only offered when the case can attach them. */
export const AttachmentKindSchema = z.enum(['return_label']);
export type AttachmentKind = z.infer<typeof AttachmentKindSchema>;

export const ReplyVariantSchema = z.object({
  /** ICU MessageFormat text; placeholders are filled from a ReplyContext. */
  body: z.string().min(1).max(8000),
  subject: z.string().min(1).max(300).optional(),
  /** Absent only on the source variant itself. */
  translatedFrom: TranslatedFromSchema.optional(),
});
export type ReplyVariant = z.infer<typeof ReplyVariantSchema>;

export const ReplyTemplateSchema = z
  .object({
    id: ReplyIdSchema,
    caseTypes: z.array(CaseTypeSchema).min(1),
    situation: SituationSchema,
    /** Shown to agents in their UI language; en is required as the last fallback. */
    title: z
      .record(LocaleSchema, z.string().min(1).max(160))
      .refine((titles) => 'en' in titles, 'a title in en is required'),
    purpose: z
      .record(LocaleSchema, z.string().min(1).max(400))
      .refine((texts) => 'en' in texts, 'a purpose in en is required'),
    sourceLocale: LocaleSchema,
    variants: z.record(LocaleSchema, ReplyVariantSchema),
    /** What the text says is attached ("a prepaid return label attached to this message"). */
    needs: z.array(AttachmentKindSchema).optional(),
  })
  .superRefine((template, ctx) => {
    if (!(template.sourceLocale in template.variants)) {
      ctx.addIssue({
        code: 'custom',
        path: ['variants'],
        message: `the source variant ${template.sourceLocale} is missing`,
      });
    }
    for (const [locale, variant] of Object.entries(template.variants)) {
      if (locale !== template.sourceLocale && !variant.translatedFrom) {
        ctx.addIssue({
          code: 'custom',
          path: ['variants', locale, 'translatedFrom'],
          message: 'a translation must record the source version it was made from',
        });
      }
    }
  });
export type ReplyTemplate = z.infer<typeof ReplyTemplateSchema>;

export const ReplyLibrarySchema = z
  .object({
    version: z.int().min(1),
    replies: z.array(ReplyTemplateSchema).min(1),
  })
  .superRefine((library, ctx) => {
    const seen = new Set<string>();
    library.replies.forEach((reply, index) => {
      if (seen.has(reply.id))
        ctx.addIssue({ code: 'custom', path: ['replies', index, 'id'], message: `duplicate reply id ${reply.id}` });
      seen.add(reply.id);
    });
  });
export type ReplyLibrary = z.infer<typeof ReplyLibrarySchema>;

/**
 * Per-language salutation and sign-off, as ICU messages with select on register and gender, because a
 * greeting's grammar (Sehr geehrte/r, Уважаемый/ая, Estimado/a) follows the customer's gender.
 */
export const SalutationRulesSchema = z.record(
  LocaleSchema,
  z.object({
    salutation: z.string().min(1),
    addressName: z.string().min(1),
    signOff: z.string().min(1),
  }),
);
export type SalutationRules = z.infer<typeof SalutationRulesSchema>;
