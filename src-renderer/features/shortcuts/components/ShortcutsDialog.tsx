import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import Typography from '@mui/material/Typography';
import { chordParts, KEYMAP, LIST_KEY_ACTIONS, LIST_KEYS, SHORTCUT_ACTIONS, type KeyChord } from '../keymap';

function Chord({ chord }: { chord: KeyChord }) {
  const { t } = useTranslation('shortcuts');
  const parts = chordParts(chord);
  return (
    <Box component="span" dir="ltr" sx={{ whiteSpace: 'nowrap' }}>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && ' + '}
          <Box
            component="kbd"
            sx={{
              border: 1,
              borderColor: 'divider',
              borderRadius: 0.5,
              px: 0.75,
              py: 0.25,
              fontFamily: 'monospace',
              fontSize: 13,
              bgcolor: 'grey.100',
            }}
          >
            {'modifier' in part ? t(`modifier.${part.modifier}`) : part.key}
          </Box>
        </Fragment>
      ))}
    </Box>
  );
}

function ShortcutRow({ name, chords }: { name: string; chords: readonly KeyChord[] }) {
  const { t } = useTranslation('shortcuts');
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        {name}
      </TableCell>
      <TableCell>
        {chords.map((chord, index) => (
          <Fragment key={index}>
            {index > 0 && (
              <Box component="span" sx={{ mx: 1, color: 'text.secondary' }}>
                {t('or')}
              </Box>
            )}
            <Chord chord={chord} />
          </Fragment>
        ))}
      </TableCell>
    </TableRow>
  );
}

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('shortcuts');
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="shortcuts-title" maxWidth="sm" fullWidth>
      <DialogTitle id="shortcuts-title">{t('title')}</DialogTitle>
      <DialogContent>
        <Table size="small" aria-labelledby="shortcuts-title">
          <TableBody>
            {SHORTCUT_ACTIONS.map((action) => (
              <ShortcutRow key={action} name={t(`action.${action}`)} chords={KEYMAP[action]} />
            ))}
          </TableBody>
        </Table>
        <Typography id="shortcuts-list-title" component="h3" variant="subtitle2" sx={{ mt: 2 }}>
          {t('listTitle')}
        </Typography>
        <Table size="small" aria-labelledby="shortcuts-list-title">
          <TableBody>
            {LIST_KEY_ACTIONS.map((action) => (
              <ShortcutRow key={action} name={t(`list.${action}`)} chords={LIST_KEYS[action]} />
            ))}
          </TableBody>
        </Table>
        <Box sx={{ mt: 1.5, fontSize: 14, color: 'text.secondary' }}>{t('typingHint')}</Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
