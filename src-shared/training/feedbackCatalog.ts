import { z } from 'zod';
import catalogData from '../../resources/scenarios/feedback.json';
import { UiTextSchema, type FeedbackRef, type UiLanguage, type UiText } from './schema';

/**
 * Feedback shared by scenarios, worded once as conventions of a locale and channel ("#mirrorGreeting"),
 * in every UI language. Imported statically so the renderer, core and server read the same texts.
 */
export const FeedbackCatalogSchema = z.strictObject({
  version: z.int().min(1),
  entries: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), UiTextSchema),
});
export type FeedbackCatalog = z.infer<typeof FeedbackCatalogSchema>;

let catalog: FeedbackCatalog | undefined;

export function builtinFeedbackCatalog(): FeedbackCatalog {
  catalog ??= FeedbackCatalogSchema.parse(catalogData);
  return catalog;
}

/** The feedback in the trainee's UI language, or undefined when a "#key" is not in the catalog. */
export function feedbackText(
  ref: FeedbackRef,
  language: UiLanguage,
  source = builtinFeedbackCatalog(),
): string | undefined {
  const text: UiText | undefined = typeof ref === 'string' ? source.entries[ref.slice(1)] : ref;
  return text?.[language];
}
