/**
 * Canned replies: a multilingual library, its renderer and the pre-send checks. Pure: runs in the
 * renderer (composer), in core and on the server alike.
 */
export { builtinReplyLibrary, builtinSalutations, BUILTIN_LIBRARY_VERSION } from './builtinLibrary';
export {
  loadReplyLibrary,
  loadSalutationRules,
  findReplies,
  getReply,
  describeReply,
  ReplyLibraryError,
} from './replyLibrary';
export type { ReplyQuery } from './replyLibrary';
export { buildReplyContext } from './buildReplyContext';
export type { ReplyContextOptions } from './buildReplyContext';
export { ReplyContextSchema, RegisterSchema, DeadlineSchema } from './replyContext';
export type { ReplyContext, Register, Deadline } from './replyContext';
export { renderReply, formatLocaleFor } from './renderReply';
export { replyAvailability } from './replyAvailability';
export type { ReplyAvailability } from './replyAvailability';
export { demoReplyCase, DEMO_REPLY_MARKETS } from './demoReplyCases';
export type { DemoReplyCase } from './demoReplyCases';
export type { RenderedReply, RenderOptions } from './renderReply';
export { renderSideBySide, draftOf } from './sideBySide';
export type { SideBySide } from './sideBySide';
export { checkReply } from './checkReply';
export type { CheckInput, DraftText } from './checkReply';
export { FindingSchema, FINDING_CODES } from './findings';
export { describeFinding } from './describeFinding';
export type { Finding, FindingCode, FindingSeverity } from './findings';
export { detectCustomerLocale } from './detectLanguage';
export type { LanguageGuess, DetectInput } from './detectLanguage';
export { DEFAULT_FALLBACK_CHAINS, fallbackChain, resolveLocale } from './localeFallback';
export type { FallbackChains, LocaleResolution } from './localeFallback';
export { variantStatus, staleLocales, withSourceText, markReviewed } from './staleness';
export type { VariantStatus } from './staleness';
export { sourceHash } from './sourceHash';
export { isolate, isRtlLocale, FSI, PDI } from './bidi';
export { messagePlaceholders, findUnfilledPlaceholders } from './placeholders';
export { ReplyLibrarySchema, ReplyTemplateSchema, SITUATIONS } from './schema';
export type { ReplyLibrary, ReplyTemplate, ReplyVariant, Situation, SalutationRules } from './schema';
