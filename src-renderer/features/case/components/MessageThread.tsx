import { useEffect, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../src-shared/contract/workstation';
import type { DeliveryState, Message } from '../../../../src-shared/domain/case';
import { contractErrorText } from '../../../i18n/contractErrorText';
import { formatDateTime } from '../../../i18n/format';
import { useCaseApi } from '../hooks/useCaseApi';
import { threadItems, type ThreadItem } from '../threadItems';

/** How each delivery state of a reply looks; every state is shown, so a stranded reply never looks delivered. */
const DELIVERY_CHIP: Record<Exclude<DeliveryState, 'received'>, { color: 'default' | 'success' | 'error' }> = {
  queued: { color: 'default' },
  sending: { color: 'default' },
  sent: { color: 'success' },
  delivered: { color: 'success' },
  failed: { color: 'error' },
};

/** A reply's delivery state as the server last reported it (issue 19.11). */
function DeliveryChip({ state }: { state: Exclude<DeliveryState, 'received'> }) {
  const { t } = useTranslation('case');
  const label = t(`thread.delivery.${state}`);
  return (
    <Chip
      size="small"
      variant={state === 'failed' ? 'filled' : 'outlined'}
      color={DELIVERY_CHIP[state].color}
      label={label}
      aria-label={t('thread.deliveryLabel', { state: label })}
      data-delivery-state={state}
    />
  );
}

/** Sends a reply that finally failed again, as a new reply; says what happened in the agent's language. */
function ResendButton({ message }: { message: Message }) {
  const { t } = useTranslation('case');
  const { t: tApp } = useTranslation('app');
  const api = useCaseApi();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const resend = async () => {
    setIsBusy(true);
    const result = await api.resend(message.caseId, message.body, message.locale);
    setIsBusy(false);
    setOutcome(
      result.ok
        ? { ok: true, text: t('thread.resent') }
        : { ok: false, text: t('thread.resendFailed', { message: contractErrorText(tApp, result.error) }) },
    );
  };
  if (outcome?.ok === true)
    return (
      <Typography variant="caption" role="status">
        {outcome.text}
      </Typography>
    );
  return (
    <>
      <Button size="small" variant="outlined" color="error" disabled={isBusy} onClick={() => void resend()}>
        {t('thread.resend')}
      </Button>
      {outcome !== null && (
        <Typography variant="caption" color="error" role="alert">
          {outcome.text}
        </Typography>
      )}
    </>
  );
}

/** authorNames: display names by user id, so a reply shows who wrote it. */
type Props = { detail: CaseDetail; customerName: string; authorNames: ReadonlyMap<string, string> };

function ThreadEntry({
  item,
  customerName,
  authorNames,
  isResent,
}: {
  item: ThreadItem;
  customerName: string;
  authorNames: ReadonlyMap<string, string>;
  /** A later reply in the thread carries this failed reply's text: it was sent again already. */
  isResent: boolean;
}) {
  const { t, i18n } = useTranslation('case');
  const language = i18n.language;
  const isNote = item.kind === 'note';
  const isInbound = item.kind === 'message' && item.message.direction === 'inbound';
  const body = item.kind === 'message' ? item.message.body : item.note.body;
  const writtenAt = item.kind === 'message' ? item.message.writtenAt : item.note.writtenAt;
  const author = isNote
    ? t('thread.note')
    : isInbound
      ? customerName
      : item.message.authorKind === 'automation'
        ? t('thread.automation')
        : ((item.message.authorId === null ? undefined : authorNames.get(item.message.authorId)) ?? t('thread.agent'));
  const bodyLang = item.kind === 'message' ? item.message.locale : undefined;
  return (
    <Box
      component="li"
      sx={{ listStyle: 'none', display: 'flex', justifyContent: isInbound ? 'flex-start' : 'flex-end' }}
    >
      <Paper
        component="article"
        variant="outlined"
        aria-label={t(isNote ? 'thread.noteLabel' : isInbound ? 'thread.inboundLabel' : 'thread.outboundLabel', {
          author,
        })}
        data-thread-kind={isNote ? 'note' : isInbound ? 'inbound' : 'outbound'}
        data-pending={item.isPending}
        sx={{
          p: 1.5,
          maxWidth: '85%',
          minWidth: 240,
          bgcolor: isNote ? '#fff8e1' : isInbound ? 'background.paper' : '#e8f1fb',
          borderStyle: item.isPending ? 'dashed' : 'solid',
        }}
      >
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
          <Typography variant="subtitle2" component="h3">
            <bdi>{author}</bdi>
          </Typography>
          <Typography variant="caption" color="text.secondary" component="span">
            <time dateTime={writtenAt}>{formatDateTime(language, writtenAt)}</time>
          </Typography>
          {item.isPending && (
            <Chip
              size="small"
              label={t('thread.pending')}
              variant="outlined"
              sx={{ color: '#7a4100', borderColor: '#b86e00' }}
            />
          )}
          {item.kind === 'message' && !item.isPending && item.message.deliveryState !== 'received' && (
            <DeliveryChip state={item.message.deliveryState} />
          )}
          {item.kind === 'message' &&
            !item.isPending &&
            item.message.deliveryState === 'failed' &&
            // Once its text went out again, the failed reply says so for good (not only until the thread updates).
            (isResent ? (
              <Typography variant="caption" role="status">
                {t('thread.resent')}
              </Typography>
            ) : (
              <ResendButton message={item.message} />
            ))}
        </Box>
        <Typography
          component="div"
          variant="body2"
          lang={bodyLang}
          dir="auto"
          sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {body}
        </Typography>
      </Paper>
    </Box>
  );
}

function isSentAgain(message: Message, later: readonly ThreadItem[]): boolean {
  return (
    message.deliveryState === 'failed' &&
    later.some(
      (item) => item.kind === 'message' && item.message.direction === 'outbound' && item.message.body === message.body,
    )
  );
}

/** The conversation and internal notes in server order; pending items are dashed until the server has them. */
/** The thread's element id, so the case screen can hand it the focus after a reply is sent. */
export const THREAD_ID = 'case-thread';

export function MessageThread({ detail, customerName, authorNames }: Props) {
  const { t } = useTranslation('case');
  const items = threadItems(detail);
  const scrollRef = useRef<HTMLElement>(null);
  const lastId = items.at(-1)?.id;
  // Agents read a case from its latest message; keep it in view when one arrives.
  useEffect(() => {
    const element = scrollRef.current;
    if (element !== null) element.scrollTop = element.scrollHeight;
  }, [lastId]);
  return (
    <Box
      ref={scrollRef}
      component="section"
      aria-label={t('thread.label')}
      id={THREAD_ID}
      tabIndex={0}
      sx={{ flex: '1 1 0', minHeight: 120, overflowY: 'auto', paddingInlineEnd: 1 }}
    >
      {items.length === 0 ? (
        <Typography color="text.secondary">{t('thread.empty')}</Typography>
      ) : (
        <Box component="ol" sx={{ m: 0, p: 0, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
          {items.map((item, index) => (
            <ThreadEntry
              key={item.id}
              item={item}
              customerName={customerName}
              authorNames={authorNames}
              isResent={item.kind === 'message' && isSentAgain(item.message, items.slice(index + 1))}
            />
          ))}
        </Box>
      )}
    </Box>
  );
}
