import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketCode } from '../../../../src-shared/domain/market';
import { guidanceFor } from '../guidanceView';
import { VerifiedMark } from './VerifiedMark';

/** Enough to write the greeting and the tone; the rest is a click away so the side column stays short. */
const FIRST_TOPICS = 3;

/** How to write to this customer: the market pack's communication notes, in the agent's UI language. */
export function GuidancePanel({ market }: { market: MarketCode }) {
  const { t, i18n } = useTranslation('guidance');
  const [isExpanded, setExpanded] = useState(false);
  const guidance = guidanceFor(market, i18n.language);
  if (!guidance.hasPack)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('noPack', { market })}
      </Typography>
    );
  const hasFallback = guidance.topics.some((topic) => topic.isFallback);
  const shown = isExpanded ? guidance.topics : guidance.topics.slice(0, FIRST_TOPICS);
  const hidden = guidance.topics.length - shown.length;
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Typography variant="body2">{t(`register.${guidance.register}`)}</Typography>
      {hasFallback && (
        <Typography variant="caption" color="text.secondary">
          {t('inEnglish')}
        </Typography>
      )}
      <Box component="dl" sx={{ m: 0, display: 'grid', gap: 1 }}>
        {shown.map((topic) => (
          <Box key={topic.topic}>
            <Box component="dt" sx={{ display: 'flex', gap: 1, alignItems: 'center', fontWeight: 600, fontSize: 14 }}>
              {t(`topic.${topic.topic}`)}
              <VerifiedMark verified={topic.verified} />
            </Box>
            <Box component="dd" sx={{ m: 0, fontSize: 14 }} lang={topic.locale}>
              {topic.text}
              {topic.source !== null && (
                <Typography component="div" variant="caption" color="text.secondary">
                  {t('source', { source: topic.source })}
                </Typography>
              )}
            </Box>
          </Box>
        ))}
      </Box>
      {(hidden > 0 || isExpanded) && guidance.topics.length > FIRST_TOPICS && (
        <Button
          size="small"
          sx={{ justifySelf: 'start' }}
          onClick={() => setExpanded(!isExpanded)}
          aria-expanded={isExpanded}
        >
          {isExpanded ? t('showFewer') : t('showAll', { count: hidden })}
        </Button>
      )}
    </Box>
  );
}
