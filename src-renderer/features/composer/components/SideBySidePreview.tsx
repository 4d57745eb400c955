import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SideBySide } from '../../../../src-shared/replies/sideBySide';
import { languageName } from '../../../i18n/format';

/** The customer's text and what it says in the agent's language, next to each other. */
export function SideBySidePreview({ preview, customerText }: { preview: SideBySide; customerText: string }) {
  const { t, i18n } = useTranslation('composer');
  const sides = [
    {
      key: 'customer',
      locale: preview.customer.resolution.locale,
      direction: preview.customer.direction,
      text: customerText,
    },
    {
      key: 'agent',
      locale: preview.agent.resolution.locale,
      direction: preview.agent.direction,
      text: preview.agent.text,
    },
  ] as const;
  return (
    <Box
      component="section"
      aria-label={t('preview.label')}
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 1 }}
    >
      {sides.map((side) => (
        <Paper key={side.key} variant="outlined" sx={{ p: 1.25 }} data-preview-side={side.key}>
          <Typography variant="caption" component="h3" color="text.secondary" sx={{ fontWeight: 600 }}>
            {t(`preview.${side.key}`, { language: languageName(i18n.language, side.locale) })}
          </Typography>
          <Typography
            component="div"
            variant="body2"
            lang={side.locale}
            dir={side.direction}
            sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 160, overflowY: 'auto' }}
          >
            {side.text}
          </Typography>
        </Paper>
      ))}
    </Box>
  );
}
