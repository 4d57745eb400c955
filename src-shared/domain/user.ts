import { z } from 'zod';
import { IdSchema, LocaleSchema, TimeZoneSchema } from './ids';
import { MarketCodeSchema } from './market';
import { CaseTypeSchema } from './caseType';

export const ROLES = ['agent', 'supervisor', 'trainer', 'admin', 'integration'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Weekly opening hours, e.g. { mon: [["09:00","12:00"],["13:00","18:00"]] } for a split shift. */
const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);
export const WeeklyHoursSchema = z.object({
  mon: z.array(z.tuple([TimeOfDaySchema, TimeOfDaySchema])),
  tue: z.array(z.tuple([TimeOfDaySchema, TimeOfDaySchema])),
  wed: z.array(z.tuple([TimeOfDaySchema, TimeOfDaySchema])),
  thu: z.array(z.tuple([TimeOfDaySchema, TimeOfDaySchema])),
  fri: z.array(z.tuple([TimeOfDaySchema, TimeOfDaySchema])),
  sat: z.array(z.tuple([TimeOfDaySchema, TimeOfDaySchema])),
  sun: z.array(z.tuple([TimeOfDaySchema, TimeOfDaySchema])),
});
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

export const TeamSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(120),
  /** The team works in this zone and these hours; SLA targets can count in this calendar. */
  timeZone: TimeZoneSchema,
  weeklyHours: WeeklyHoursSchema,
  /** Whose public holidays close the team (usually the seller's home market). */
  holidayMarket: MarketCodeSchema,
  markets: z.array(MarketCodeSchema),
  /**
   * The seller's brand or shop name the team answers customers for: replies to the team's cases are
   * signed with it. Optional on the wire (older servers); both databases' migrations fill it in.
   */
  brand: z.string().trim().min(1).max(120).optional(),
});
export type Team = z.infer<typeof TeamSchema>;

export const UserSchema = z.object({
  id: IdSchema,
  username: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9._-]+$/),
  displayName: z.string().min(1).max(120),
  role: RoleSchema,
  teamIds: z.array(IdSchema),
  /** Languages the person reads and writes, best first. */
  languages: z.array(LocaleSchema),
  /** Case types and markets the person is trained for; used by routing and the supervisor console. */
  skills: z.object({ caseTypes: z.array(CaseTypeSchema), markets: z.array(MarketCodeSchema) }),
  timeZone: TimeZoneSchema,
  uiLocale: LocaleSchema,
});
export type User = z.infer<typeof UserSchema>;
