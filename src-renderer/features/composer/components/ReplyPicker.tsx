import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseType } from '../../../../src-shared/domain/caseType';
import { builtinReplyLibrary } from '../../../../src-shared/replies/builtinLibrary';
import type { ReplyContext } from '../../../../src-shared/replies/replyContext';
import { languageName } from '../../../i18n/format';
import { replyOptions, type ReplyOption } from '../replyCatalog';

type Props = {
  open: boolean;
  caseType: CaseType;
  customerLocale: string;
  /** The case's reply context; replies needing an attachment the desk cannot make are left out. */
  context?: Pick<ReplyContext, 'attachments'>;
  onPick: (option: ReplyOption) => void;
  onClose: () => void;
};

/** Canned replies for this case type, searched by purpose as the agent types. */
export function ReplyPicker({ open, caseType, customerLocale, context, onPick, onClose }: Props) {
  const { t, i18n } = useTranslation(['composer', 'domain']);
  const [query, setQuery] = useState('');
  const titleId = useId();
  const options = replyOptions(builtinReplyLibrary(), {
    caseType,
    customerLocale,
    uiLanguage: i18n.language,
    query,
    ...(context ? { context } : {}),
  });
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>{t('picker.title')}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          fullWidth
          size="small"
          margin="dense"
          label={t('picker.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            const first = options[0];
            if (event.key === 'Enter' && first !== undefined) {
              event.preventDefault();
              onPick(first);
            }
          }}
        />
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
          {t('picker.scope', {
            type: t(`domain:caseType.${caseType}`),
            language: languageName(i18n.language, customerLocale),
          })}
        </Typography>
        {options.length === 0 ? (
          <Typography sx={{ py: 2 }}>{t('picker.none')}</Typography>
        ) : (
          <List aria-label={t('picker.results')} dense>
            {options.map((option) => (
              <ListItemButton key={option.id} onClick={() => onPick(option)}>
                <ListItemText
                  primary={option.title}
                  secondary={
                    <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                      <span>{option.purpose}</span>
                      {!option.isCustomerLanguage && (
                        <Chip
                          component="span"
                          size="small"
                          variant="outlined"
                          sx={{ color: '#7a4100', borderColor: '#b86e00' }}
                          label={t('picker.fallback', {
                            language: languageName(i18n.language, option.customerVariant),
                          })}
                        />
                      )}
                    </Box>
                  }
                />
              </ListItemButton>
            ))}
          </List>
        )}
      </DialogContent>
    </Dialog>
  );
}
