// The shipped library is imported statically so the renderer, core and server load the same content
// without a file system. Adding a file under resources/replies/library means adding a line here.
import returnRefund from '../../resources/replies/library/return_refund.json';
import exchange from '../../resources/replies/library/exchange.json';
import repairWarranty from '../../resources/replies/library/repair_warranty.json';
import complaint from '../../resources/replies/library/complaint.json';
import priceProtection from '../../resources/replies/library/price_protection.json';
import privacyRequest from '../../resources/replies/library/privacy_request.json';
import paymentIssue from '../../resources/replies/library/payment_issue.json';
import inquiry from '../../resources/replies/library/inquiry.json';
import salutations from '../../resources/replies/salutations.json';
import { loadReplyLibrary, loadSalutationRules } from './replyLibrary';
import type { ReplyLibrary, SalutationRules } from './schema';

export const LIBRARY_FILES: ReadonlyArray<{ file: string; data: unknown }> = [
  { file: 'library/return_refund.json', data: returnRefund },
  { file: 'library/exchange.json', data: exchange },
  { file: 'library/repair_warranty.json', data: repairWarranty },
  { file: 'library/complaint.json', data: complaint },
  { file: 'library/price_protection.json', data: priceProtection },
  { file: 'library/privacy_request.json', data: privacyRequest },
  { file: 'library/payment_issue.json', data: paymentIssue },
  { file: 'library/inquiry.json', data: inquiry },
];

/** Bumped when shipped content changes, so clients can tell which library a draft came from. */
export const BUILTIN_LIBRARY_VERSION = 1;

let library: ReplyLibrary | undefined;
let rules: SalutationRules | undefined;

export function builtinReplyLibrary(): ReplyLibrary {
  library ??= loadReplyLibrary({
    version: BUILTIN_LIBRARY_VERSION,
    replies: LIBRARY_FILES.flatMap(({ data }) => (Array.isArray(data) ? data : [])),
  });
  return library;
}

export function builtinSalutations(): SalutationRules {
  rules ??= loadSalutationRules(salutations);
  return rules;
}
