import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contractErrorText } from '../../../i18n/contractErrorText';
import type { AttentionItem, CaseDetail } from '../../../../src-shared/contract/workstation';
import { fullName } from '../../../../src-shared/domain/case';
import { builtinReplyLibrary } from '../../../../src-shared/replies/builtinLibrary';
import { detectCustomerLocale } from '../../../../src-shared/replies/detectLanguage';
import { describeReply, getReply } from '../../../../src-shared/replies/replyLibrary';
import { TEXT_LIMITS } from '../../../../src-shared/domain/limits';
import { languageName } from '../../../i18n/format';
import { useTextLimit } from '../../../i18n/useTextLimit';
import { useShortcut } from '../../shortcuts';
import {
  blocksSending,
  findingsFor,
  replyContextFor,
  sendState,
  sideBySideFor,
  type SendState,
} from '../composerModel';
import { useComposerApi } from '../hooks/useComposerApi';
import { useDraft } from '../hooks/useDraft';
import { editedPreview } from '../editedPreview';
import { insertAtCursor } from '../insertAtCursor';
import type { ReplyOption } from '../replyCatalog';
import { FindingsList } from './FindingsList';
import { ReplyPicker } from './ReplyPicker';
import { TranslationPreview } from './TranslationPreview';

/** onSent: after a reply or note is saved, so the screen can move the focus to where it shows. */
type Props = { detail: CaseDetail; agentName: string; brand: string; onSent?: () => void };
type Mode = 'reply' | 'note';

/** From this composer width the translation sits beside the reply instead of under it. */
const SIDE_BY_SIDE_MIN_PX = 560;
type Sent = { messageId: string; body: string };

// Text and border pairs with at least 4.5:1 contrast on white.
const SEND_TONE: Record<SendState, { color: string; borderColor: string }> = {
  queued: { color: '#01579b', borderColor: '#0277bd' },
  sent: { color: '#1b5e20', borderColor: '#2e7d32' },
  needs_attention: { color: '#a3161a', borderColor: '#c62828' },
  unknown: { color: 'text.secondary', borderColor: 'divider' },
};

function primaryLanguage(locale: string): string {
  return locale.split('-')[0] ?? locale;
}

function availableLocales(): string[] {
  return [...new Set(builtinReplyLibrary().replies.flatMap((reply) => Object.keys(reply.variants)))].sort();
}

export function Composer({ detail, agentName, brand, onSent }: Props) {
  const { t, i18n } = useTranslation('composer');
  const { t: tApp } = useTranslation('app');
  const api = useComposerApi();
  const caseRecord = detail.case;
  const uiLanguage = i18n.language;
  const locales = useMemo(availableLocales, []);
  const guess = useMemo(
    () =>
      detectCustomerLocale({
        messages: detail.messages,
        caseLocale: caseRecord.locale,
        market: caseRecord.customer.market,
        available: locales,
      }),
    [detail.messages, caseRecord.locale, caseRecord.customer.market, locales],
  );
  const [mode, setMode] = useState<Mode>('reply');
  const reply = useDraft(caseRecord.id, 'reply', guess.locale);
  const note = useDraft(caseRecord.id, 'note', null);
  const [isPickerOpen, setPickerOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [attention, setAttention] = useState<AttentionItem[]>([]);
  const [noteSaved, setNoteSaved] = useState(false);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const languageId = useId();

  useShortcut('reply', () => {
    setMode('reply');
    setTimeout(() => replyRef.current?.focus(), 0);
  });
  useShortcut('note', () => {
    setMode('note');
    setTimeout(() => noteRef.current?.focus(), 0);
  });
  useShortcut('insertReply', () => {
    setMode('reply');
    setPickerOpen(true);
  });

  useEffect(() => {
    if (sent === null) return undefined;
    let isCurrent = true;
    const load = () =>
      void api.attention().then((result) => {
        if (isCurrent && result.ok) setAttention(result.data);
      });
    load();
    const unsubscribe = api.onAttentionChanged(load);
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [api, sent]);

  const customerLocale = reply.draft.locale ?? guess.locale;
  const context = useMemo(() => replyContextFor(caseRecord, { agentName, brand }), [caseRecord, agentName, brand]);
  const template = useMemo(() => {
    if (reply.draft.replyId === null) return null;
    try {
      return getReply(builtinReplyLibrary(), reply.draft.replyId);
    } catch {
      return null;
    }
  }, [reply.draft.replyId]);
  const rendered = useMemo(
    () =>
      template === null ? null : sideBySideFor(template, context, { customer: customerLocale, agent: uiLanguage }),
    [template, context, customerLocale, uiLanguage],
  );
  const edits = useMemo(
    () =>
      rendered === null
        ? null
        : editedPreview({ customer: rendered.customer.text, agent: rendered.agent.text }, reply.draft.body),
    [rendered, reply.draft.body],
  );
  // Once nothing of the canned reply is left, the text is the agent's own and is checked as free text.
  const preview = edits === null || edits.isUnrelated ? null : rendered;
  const isSameLanguage =
    preview !== null &&
    primaryLanguage(preview.customer.resolution.locale) === primaryLanguage(preview.agent.resolution.locale);
  const hasTranslation = preview !== null && edits !== null && !isSameLanguage;
  const findings = useMemo(
    () =>
      findingsFor({
        context,
        text: reply.draft.body,
        locale: preview?.customer.resolution.locale ?? customerLocale,
        preview,
      }),
    [context, reply.draft.body, customerLocale, preview],
  );
  const replyLimit = useTextLimit(t('replyLimitField'), reply.draft.body.length, TEXT_LIMITS.messageBody);
  const noteLimit = useTextLimit(t('noteLimitField'), note.draft.body.length, TEXT_LIMITS.messageBody);
  const isBlocked = blocksSending(findings) || replyLimit.isOver;
  const state = sent === null ? null : sendState(sent.messageId, detail, attention, sent.body);

  // The canned reply goes where the cursor was, replacing only a selection, as typing would; inserted
  // through the browser's editing so Ctrl+Z takes it out again.
  const pick = (option: ReplyOption) => {
    setPickerOpen(false);
    const text = sideBySideFor(option.template, context, { customer: customerLocale, agent: uiLanguage }).customer.text;
    reply.update({ replyId: option.id });
    setTimeout(() => {
      const box = replyRef.current;
      if (box === null) reply.update({ body: `${reply.draft.body}${text}` });
      else reply.update({ body: insertAtCursor(box, text) });
    }, 0);
  };

  const send = async () => {
    const body = reply.draft.body.trim();
    if (body === '' || isBlocked) return;
    setError(null);
    const locale = preview?.customer.resolution.locale ?? customerLocale;
    const result = await api.reply({ caseId: caseRecord.id, messageId: reply.draft.entityId, body, locale });
    if (!result.ok) {
      setError(contractErrorText(tApp, result.error));
      return;
    }
    setSent({ messageId: reply.draft.entityId, body });
    reply.finish();
    onSent?.();
  };

  const addNote = async () => {
    const body = note.draft.body.trim();
    if (body === '' || noteLimit.isOver) return;
    setError(null);
    const result = await api.addNote({ caseId: caseRecord.id, noteId: note.draft.entityId, body });
    if (!result.ok) {
      setError(contractErrorText(tApp, result.error));
      return;
    }
    note.finish();
    setNoteSaved(true);
    onSent?.();
  };

  return (
    <Box
      component="section"
      aria-label={t('label')}
      sx={{
        display: 'grid',
        gap: 1,
        borderTop: 1,
        borderColor: 'divider',
        pt: 1,
        flexShrink: 0,
        containerType: 'inline-size',
        containerName: 'composer',
      }}
    >
      <Tabs value={mode} onChange={(_event, next: Mode) => setMode(next)} aria-label={t('modeLabel')}>
        <Tab value="reply" label={t('mode.reply')} id="composer-tab-reply" aria-controls="composer-panel-reply" />
        <Tab value="note" label={t('mode.note')} id="composer-tab-note" aria-controls="composer-panel-note" />
      </Tabs>
      {mode === 'reply' ? (
        <Box
          id="composer-panel-reply"
          role="tabpanel"
          aria-labelledby="composer-tab-reply"
          sx={{ display: 'grid', gap: 1 }}
        >
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <FormControl size="small" sx={{ minWidth: 200 }}>
              <InputLabel id={languageId}>{t('language')}</InputLabel>
              <Select
                labelId={languageId}
                label={t('language')}
                value={customerLocale}
                onChange={(event) =>
                  reply.update({
                    locale: event.target.value,
                    ...(template === null || rendered === null || reply.draft.body !== rendered.customer.text
                      ? {}
                      : {
                          body: sideBySideFor(template, context, { customer: event.target.value, agent: uiLanguage })
                            .customer.text,
                        }),
                  })
                }
              >
                {[...new Set([customerLocale, ...locales])].map((locale) => (
                  <MenuItem key={locale} value={locale}>
                    {languageName(uiLanguage, locale)}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
            {guess.basis === 'messages' && guess.disagreesWithCase && (
              <Chip
                size="small"
                variant="outlined"
                sx={{ color: '#7a4100', borderColor: '#b86e00' }}
                label={t('detected', { language: languageName(uiLanguage, guess.locale) })}
              />
            )}
            <Button variant="outlined" size="small" onClick={() => setPickerOpen(true)}>
              {t('insertReply')}
            </Button>
            {template !== null && (
              <Chip
                size="small"
                label={t('fromTemplate', { title: describeReply(template, uiLanguage).title })}
                onDelete={() => reply.update({ replyId: null })}
              />
            )}
          </Box>
          {/* The reply and its translation side by side where the composer is wide enough (a 1280 px window
              with the navigation folded): the agent reads the gloss beside the sentence being written. */}
          <Box
            sx={{
              display: 'grid',
              gap: 1,
              gridTemplateColumns: 'minmax(0, 1fr)',
              alignItems: 'start',
              ...(hasTranslation && {
                [`@container composer (min-width: ${SIDE_BY_SIDE_MIN_PX}px)`]: {
                  gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
                },
              }),
            }}
          >
            <TextField
              inputRef={replyRef}
              multiline
              minRows={4}
              maxRows={8}
              fullWidth
              label={t('replyField', { name: fullName(caseRecord.customer.name) || caseRecord.ref })}
              value={reply.draft.body}
              // Emptied text no longer comes from the canned reply: drop it, or the preview would translate nothing.
              onChange={(event) =>
                reply.update({
                  body: event.target.value,
                  ...(event.target.value.trim() === '' ? { replyId: null } : {}),
                })
              }
              // Ctrl+Enter (Cmd+Enter on a Mac) sends, through the same checks as the Send button.
              onKeyDown={(event) => {
                if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
                event.preventDefault();
                void send();
              }}
              error={replyLimit.isOver}
              helperText={replyLimit.helperText}
              slotProps={{ htmlInput: { lang: preview?.customer.resolution.locale ?? customerLocale, dir: 'auto' } }}
            />
            {hasTranslation && (
              <TranslationPreview
                preview={edits}
                locale={preview.agent.resolution.locale}
                direction={preview.agent.direction}
              />
            )}
          </Box>
          <FindingsList findings={findings} />
          {error !== null && <Alert severity="error">{t('error', { message: error })}</Alert>}
          <Box
            sx={{
              display: 'flex',
              gap: 1,
              alignItems: 'center',
              // Send stays in view while the text, translation and checks above scroll.
              position: 'sticky',
              bottom: 0,
              zIndex: 1,
              py: 0.5,
              bgcolor: 'background.default',
            }}
          >
            <Button
              variant="contained"
              onClick={() => void send()}
              disabled={reply.draft.body.trim() === '' || isBlocked}
            >
              {t('send')}
            </Button>
            {isBlocked && <Box sx={{ fontSize: 14, color: '#a3161a' }}>{t('blocked')}</Box>}
            <Box role="status" aria-live="polite" sx={{ marginInlineStart: 'auto' }}>
              {state !== null && state !== 'unknown' && (
                <Chip
                  size="small"
                  variant="outlined"
                  sx={SEND_TONE[state]}
                  label={t(`sendState.${state}`)}
                  data-send-state={state}
                />
              )}
            </Box>
          </Box>
        </Box>
      ) : (
        <Box
          id="composer-panel-note"
          role="tabpanel"
          aria-labelledby="composer-tab-note"
          sx={{ display: 'grid', gap: 1 }}
        >
          <TextField
            inputRef={noteRef}
            multiline
            minRows={3}
            maxRows={10}
            fullWidth
            label={t('noteField')}
            error={noteLimit.isOver}
            helperText={noteLimit.helperText ?? t('noteHelp')}
            value={note.draft.body}
            onChange={(event) => {
              setNoteSaved(false);
              note.update({ body: event.target.value });
            }}
          />
          {error !== null && <Alert severity="error">{t('error', { message: error })}</Alert>}
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <Button
              variant="contained"
              color="secondary"
              onClick={() => void addNote()}
              disabled={note.draft.body.trim() === '' || noteLimit.isOver}
            >
              {t('addNote')}
            </Button>
            <Box role="status" aria-live="polite">
              {noteSaved && <Chip size="small" label={t('noteSaved')} />}
            </Box>
          </Box>
        </Box>
      )}
      <ReplyPicker
        open={isPickerOpen}
        caseType={caseRecord.type}
        customerLocale={customerLocale}
        context={context}
        onPick={pick}
        onClose={() => setPickerOpen(false)}
      />
    </Box>
  );
}
