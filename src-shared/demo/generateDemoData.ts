import type { Case, CaseEvent, Message, Note } from '../domain/case';
import { InstantSchema } from '../domain/ids';
import type { Team, User } from '../domain/user';
import { generateDemoCase } from './demoCase';
import { demoDirectory } from './demoDirectory';

export { DEMO_PASSWORD, demoDirectory } from './demoDirectory';

export interface DemoOptions {
  seed: number | string;
  cases: number;
  /** Exactly this many messages per case (benchmarks); by default 1 to 8 depending on the status. */
  messagesPerCase?: number;
  /** The instant the data is "as of": every date lies before it. */
  now: string;
}

export interface DemoData {
  teams: Team[];
  users: User[];
  cases: Case[];
  messages: Message[];
  notes: Note[];
  events: CaseEvent[];
}

export type DemoBatch = Pick<DemoData, 'cases' | 'messages' | 'notes' | 'events'>;

/** The size `npm start` and the web host load; small enough to import in well under a second. */
export const SMALL_DEMO: Readonly<Omit<DemoOptions, 'now'>> = { seed: 20261125, cases: 400 };

function checked(options: DemoOptions): number {
  if (!Number.isInteger(options.cases) || options.cases < 0)
    throw new Error(`cases must be a whole number >= 0, got ${options.cases}`);
  if (
    options.messagesPerCase !== undefined &&
    (!Number.isInteger(options.messagesPerCase) || options.messagesPerCase < 1)
  ) {
    throw new Error(`messagesPerCase must be a whole number >= 1, got ${options.messagesPerCase}`);
  }
  if (!InstantSchema.safeParse(options.now).success)
    throw new Error(`now must be an ISO instant with offset, got ${options.now}`);
  return Date.parse(options.now);
}

/**
 * Streams the cases in batches so 100,000 cases with 1,000,000 messages never sit in memory at once.
 * Case i is the same whether generated alone, in any batch size, or by generateDemoData.
 */
export function* generateDemoBatches(options: DemoOptions, batchSize = 1000): Generator<DemoBatch> {
  const now = checked(options);
  const directory = demoDirectory(options.seed);
  for (let start = 0; start < options.cases; start += batchSize) {
    const batch: DemoBatch = { cases: [], messages: [], notes: [], events: [] };
    const end = Math.min(options.cases, start + batchSize);
    for (let index = start; index < end; index++) {
      const one = generateDemoCase({
        seed: options.seed,
        index,
        now,
        messagesPerCase: options.messagesPerCase,
        directory,
      });
      batch.cases.push(one.case);
      batch.messages.push(...one.messages);
      batch.notes.push(...one.notes);
      batch.events.push(...one.events);
    }
    yield batch;
  }
}

/** The whole demo set in memory: for small sets (tests, the server's seed, `npm start`). */
export function generateDemoData(options: DemoOptions): DemoData {
  const { teams, users } = demoDirectory(options.seed);
  const data: DemoData = { teams, users, cases: [], messages: [], notes: [], events: [] };
  for (const batch of generateDemoBatches(options)) {
    data.cases.push(...batch.cases);
    data.messages.push(...batch.messages);
    data.notes.push(...batch.notes);
    data.events.push(...batch.events);
  }
  return data;
}
