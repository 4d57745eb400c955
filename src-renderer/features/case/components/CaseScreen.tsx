import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { fullName } from '../../../../src-shared/domain/case';
import { priorityReason } from '../../../../src-shared/domain/priorityReason';
import { formatDateTime } from '../../../i18n/format';
import { Composer } from '../../composer';
import { GuidancePanel } from '../../guidance';
import { RightsPanel } from '../../rights';
import { SlaPanel } from '../../sla';
import { WorkflowPanel } from '../../workflow';
import { WORKFLOW_OF_TYPE } from '../../../../src-shared/domain/workflow';
import { useCaseDetail } from '../hooks/useCaseDetail';
import { useNow } from '../../../hooks/useNow';
import { contractErrorText } from '../../../i18n/contractErrorText';
import { CaseActions } from './CaseActions';
import { ComposerDock } from './ComposerDock';
import { CustomerPanel } from './CustomerPanel';
import { MessageThread, THREAD_ID } from './MessageThread';
import { OrderPanel } from './OrderPanel';
import { PanelSection } from './PanelSection';
import { replyBrand } from '../replyBrand';

/**
 * The case's heading takes focus once when it appears, so the keyboard starts in the case (shortcuts
 * work, a screen reader announces it) instead of on the queue row that is gone (issue 14 item 9).
 */
function focusOnce(heading: HTMLElement | null) {
  if (heading !== null && !heading.contains(document.activeElement)) heading.focus({ preventScroll: true });
}

/** Everything about one case on one screen: the conversation and composer, and beside them the facts. */
export function CaseScreen({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation(['case', 'domain', 'workflow']);
  const { t: tApp } = useTranslation('app');
  const { detail, session, serverOffsetMs, error } = useCaseDetail(caseId);
  const now = useNow(1_000);
  if (error !== null && detail === null)
    return <Alert severity="error">{t('error', { message: contractErrorText(tApp, error) })}</Alert>;
  if (detail === null) return <LinearProgress aria-label={t('loading')} />;
  const caseRecord = detail.case;
  const customerName = fullName(caseRecord.customer.name);
  const serverNowMs = now + serverOffsetMs;
  const agentName = session?.user?.displayName ?? t('agentFallback');
  const authorNames = new Map((session?.colleagues ?? []).map((user) => [user.id, user.displayName]));
  const assigneeName = caseRecord.assigneeId === null ? null : (authorNames.get(caseRecord.assigneeId) ?? null);
  const reason = priorityReason(caseRecord, detail.events);
  const reasonText =
    reason === null
      ? null
      : reason.kind === 'changed'
        ? t('domain:priorityReason.long.changed', {
            priority: t(`domain:priority.${caseRecord.priority}`),
            name:
              (reason.actorId === null ? null : authorNames.get(reason.actorId)) ?? t('domain:priorityReason.someone'),
            time: formatDateTime(i18n.language, reason.at),
          })
        : t(`domain:priorityReason.long.${reason.kind}`);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0, gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography component="h1" variant="h5" tabIndex={-1} ref={focusOnce} sx={{ outline: 'none' }}>
          <bdi>{caseRecord.ref}</bdi>
          {' · '}
          <bdi lang={caseRecord.locale}>{caseRecord.subject}</bdi>
        </Typography>
        <Chip size="small" label={t(`domain:caseType.${caseRecord.type}`)} />
        <Chip size="small" label={t(`domain:priority.${caseRecord.priority}`)} variant="outlined" />
        {reason !== null && (
          <Typography variant="body2" color="text.secondary" data-priority-reason={reason.kind}>
            {reasonText}
          </Typography>
        )}
        {detail.pendingMutationCount > 0 && (
          <Chip
            size="small"
            variant="outlined"
            sx={{ color: '#01579b', borderColor: '#0277bd' }}
            label={t('pendingChanges', { count: detail.pendingMutationCount })}
          />
        )}
      </Box>
      <CaseActions caseRecord={caseRecord} myUserId={session?.user?.id ?? null} assigneeName={assigneeName} />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 3fr) minmax(300px, 2fr)' },
          gap: 2,
          flexGrow: 1,
          minHeight: 0,
        }}
      >
        <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, overflow: 'hidden' }}>
          <MessageThread detail={detail} customerName={customerName} authorNames={authorNames} />
          <ComposerDock resizeLabel={t('composerResize')}>
            <Composer
              key={caseRecord.id}
              detail={detail}
              agentName={agentName}
              brand={replyBrand(caseRecord, session?.teams ?? []) ?? t('agentFallback')}
              // The sent reply lands at the foot of the thread: the focus goes there, where J, K and R work.
              onSent={() => document.getElementById(THREAD_ID)?.focus({ preventScroll: true })}
            />
          </ComposerDock>
        </Box>
        <Box
          component="aside"
          aria-label={t('panels.label')}
          sx={{ overflowY: 'auto', minHeight: 0, display: 'grid', gap: 1.5, alignContent: 'start' }}
        >
          <PanelSection title={t('panels.customer')}>
            <CustomerPanel caseRecord={caseRecord} customerName={customerName} serverNowMs={serverNowMs} />
          </PanelSection>
          <PanelSection title={t('panels.order')}>
            <OrderPanel order={caseRecord.order} />
          </PanelSection>
          <PanelSection title={t('panels.sla')}>
            <SlaPanel
              detail={detail}
              teams={session?.teams ?? []}
              serverNowMs={serverNowMs}
              serverOffsetMs={serverOffsetMs}
            />
          </PanelSection>
          {WORKFLOW_OF_TYPE[caseRecord.type] !== undefined && (
            <PanelSection title={t('workflow:title')}>
              <WorkflowPanel detail={detail} serverNowMs={serverNowMs} />
            </PanelSection>
          )}
          <PanelSection title={t('panels.rights')}>
            <RightsPanel caseRecord={caseRecord} serverNowMs={serverNowMs} />
          </PanelSection>
          <PanelSection title={t('panels.guidance')}>
            <GuidancePanel market={caseRecord.customer.market} />
          </PanelSection>
        </Box>
      </Box>
    </Box>
  );
}
