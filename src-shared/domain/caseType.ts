import { z } from 'zod';

export const CASE_TYPES = [
  'return_refund',
  'exchange',
  'repair_warranty',
  'complaint',
  'price_protection',
  'privacy_request',
  'payment_issue',
  'inquiry',
] as const;
export const CaseTypeSchema = z.enum(CASE_TYPES);
export type CaseType = z.infer<typeof CaseTypeSchema>;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;
/** Higher rank sorts first in "by priority". */
export const PRIORITY_RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** Where a conversation happens: the generic channels plus the messaging apps markets prefer. */
export const CHANNELS = [
  'chat',
  'email',
  'phone',
  'marketplace_message',
  'wechat',
  'line',
  'kakaotalk',
  'whatsapp',
  'telegram',
  'zalo',
  'vk',
  'web_form',
] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;
