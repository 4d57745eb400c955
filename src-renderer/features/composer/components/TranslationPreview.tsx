import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../i18n/format';
import type { EditedPreview } from '../editedPreview';

type Props = { preview: EditedPreview; locale: string; direction: 'ltr' | 'rtl' };

/**
 * What the reply being sent says in the agent's language, paragraph by paragraph. The customer's text is
 * the reply box itself; this pane only translates it, and marks what the agent wrote that has no
 * translation. It folds away so the conversation keeps its room.
 */
export function TranslationPreview({ preview, locale, direction }: Props) {
  const { t, i18n } = useTranslation('composer');
  const [isOpen, setOpen] = useState(true);
  const title = t('preview.agent', { language: languageName(i18n.language, locale) });
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-label={t('preview.label')}
      data-preview-edited={preview.isEdited}
      sx={{ p: 1, display: 'grid', gap: 0.5 }}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="caption" component="h3" color="text.secondary" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        {preview.isEdited && (
          <Chip
            size="small"
            variant="outlined"
            sx={{ color: '#7a4100', borderColor: '#b86e00' }}
            label={t('preview.editedSummary')}
          />
        )}
        <Button size="small" sx={{ marginInlineStart: 'auto' }} onClick={() => setOpen(!isOpen)} aria-expanded={isOpen}>
          {isOpen ? t('preview.hide') : t('preview.show')}
        </Button>
      </Box>
      {isOpen && (
        <Box sx={{ display: 'grid', gap: 1, maxHeight: 180, overflowY: 'auto' }}>
          {preview.parts.map((part, index) =>
            part.kind === 'translated' ? (
              <Typography
                key={index}
                component="p"
                variant="body2"
                lang={locale}
                dir={direction}
                sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                data-preview-part="translated"
              >
                {part.text}
              </Typography>
            ) : (
              <Box
                key={index}
                data-preview-part="edited"
                sx={{ borderInlineStart: 3, borderColor: '#b86e00', paddingInlineStart: 1 }}
              >
                <Typography variant="caption" component="p" sx={{ m: 0, color: '#7a4100', fontWeight: 600 }}>
                  {t('preview.edited')}
                </Typography>
                <Typography
                  component="p"
                  variant="body2"
                  dir="auto"
                  sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                >
                  {part.text}
                </Typography>
              </Box>
            ),
          )}
        </Box>
      )}
    </Paper>
  );
}
