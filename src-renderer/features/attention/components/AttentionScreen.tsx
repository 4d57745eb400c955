import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contractErrorText } from '../../../i18n/contractErrorText';
import type { AttentionItem } from '../../../../src-shared/contract/workstation';
import { formatDateTime } from '../../../i18n/format';
import { useAttention } from '../hooks/useAttention';
import { rejectionDetail } from '../rejectionText';

const MUTATION_LABELS = ['reply', 'addNote', 'setStatus', 'addTag', 'removeTag', 'take', 'assign'] as const;
type MutationLabel = (typeof MUTATION_LABELS)[number] | 'other';

function mutationLabel(name: string): MutationLabel {
  const bare = name.replace(/^case\./, '').replace(/@\d+$/, '');
  return MUTATION_LABELS.find((label) => label === bare) ?? 'other';
}

type Props = { onOpenCase: (caseId: string, caseRef: string | null) => void };

function AttentionCard({
  item,
  onResolve,
  onOpenCase,
}: {
  item: AttentionItem;
  onResolve: (action: 'reopen_and_send' | 'discard') => Promise<void>;
  onOpenCase: Props['onOpenCase'];
}) {
  const { t, i18n } = useTranslation(['attention', 'domain']);
  const [copied, setCopied] = useState(false);
  const isReply = item.mutationName.startsWith('case.reply');
  const canReopen = isReply && item.code === 'CASE_CLOSED';
  const detail = rejectionDetail(t, item.reason);
  const title = t('item.title', { action: t(`mutation.${mutationLabel(item.mutationName)}`), ref: item.caseRef ?? '' });
  return (
    <Card component="article" variant="outlined" aria-label={title} data-attention-id={item.id}>
      <CardContent sx={{ display: 'grid', gap: 0.75 }}>
        <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        <Typography variant="body2">{t(`reason.${item.code}`)}</Typography>
        {detail !== null && (
          <Typography variant="body2" data-rejection-reason={item.reason?.key}>
            {detail}
          </Typography>
        )}
        <Typography variant="caption" color="text.secondary">
          {t('item.refusedAt', { time: formatDateTime(i18n.language, item.createdAt) })}
        </Typography>
        {item.body !== null && (
          <Box
            component="blockquote"
            lang={item.locale ?? undefined}
            dir="auto"
            sx={{
              m: 0,
              p: 1,
              borderInlineStart: 3,
              borderColor: 'divider',
              bgcolor: 'grey.50',
              whiteSpace: 'pre-wrap',
              fontSize: 14,
            }}
          >
            {item.body}
          </Box>
        )}
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {canReopen && (
          <Button variant="contained" size="small" onClick={() => void onResolve('reopen_and_send')}>
            {t('action.reopenAndSend')}
          </Button>
        )}
        {item.body !== null && (
          <Button
            size="small"
            onClick={() => void navigator.clipboard.writeText(item.body ?? '').then(() => setCopied(true))}
          >
            {copied ? t('action.copied') : t('action.copy')}
          </Button>
        )}
        <Button size="small" onClick={() => onOpenCase(item.caseId, item.caseRef)}>
          {t('action.open')}
        </Button>
        <Button size="small" color="error" onClick={() => void onResolve('discard')}>
          {t('action.discard')}
        </Button>
      </CardActions>
    </Card>
  );
}

/** Actions the server refused, with the agent's text kept and the choices SYNC.md gives. */
export function AttentionScreen({ onOpenCase }: Props) {
  const { t } = useTranslation('attention');
  const { t: tApp } = useTranslation('app');
  const { items, error, resolve, reload } = useAttention();
  const [failure, setFailure] = useState<string | null>(null);
  const onResolve = (id: string) => async (action: 'reopen_and_send' | 'discard') => {
    const result = await resolve(id, action);
    setFailure(result.ok ? null : contractErrorText(tApp, result.error));
    reload();
  };
  return (
    <Box sx={{ display: 'grid', gap: 1.5, alignContent: 'start', maxWidth: 880, overflowY: 'auto' }}>
      <Typography component="h1" variant="h5">
        {t('title')}
      </Typography>
      <Typography color="text.secondary">{t('intro')}</Typography>
      {error !== null && <Alert severity="error">{t('error', { message: contractErrorText(tApp, error) })}</Alert>}
      {failure !== null && <Alert severity="error">{t('error', { message: failure })}</Alert>}
      {items === null && error === null && <LinearProgress aria-label={t('loading')} />}
      {items?.length === 0 && <Alert severity="success">{t('empty')}</Alert>}
      {items?.map((item) => (
        <AttentionCard key={item.id} item={item} onResolve={onResolve(item.id)} onOpenCase={onOpenCase} />
      ))}
    </Box>
  );
}
