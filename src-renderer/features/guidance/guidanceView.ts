import { CULTURE_TOPICS, findMarketPack } from '../../../src-shared/markets/index';
import type { MarketCode } from '../../../src-shared/domain/market';
import { pickLocalized, type PickedText } from './localizedText';

export type CultureTopicName = (typeof CULTURE_TOPICS)[number];
export type GuidanceTopic = PickedText & { topic: CultureTopicName; verified: boolean; source: string | null };
export type Guidance =
  { hasPack: false } | { hasPack: true; marketName: string; register: 'formal' | 'neutral'; topics: GuidanceTopic[] };

/** The cultural notes for writing to a customer of `market`, in the agent's UI language where written. */
export function guidanceFor(market: MarketCode, uiLanguage: string): Guidance {
  const pack = findMarketPack(market);
  if (pack === undefined) return { hasPack: false };
  return {
    hasPack: true,
    marketName: pickLocalized(pack.name, uiLanguage).text,
    register: pack.culture.register,
    topics: CULTURE_TOPICS.map((topic) => {
      const entry = pack.culture.topics[topic];
      return {
        topic,
        ...pickLocalized(entry.text, uiLanguage),
        verified: entry.verified,
        source: entry.source?.label ?? null,
      };
    }),
  };
}
