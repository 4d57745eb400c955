import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Select from '@mui/material/Select';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerInfo, Session, Settings } from '../../../../src-shared/contract/workstation';
import { SettingsSchema } from '../../../../src-shared/contract/workstation';
import { builtinReplyLibrary } from '../../../../src-shared/replies/builtinLibrary';
import { useWorkstation } from '../../../contract/WorkstationProvider';
import { contractErrorText } from '../../../i18n/contractErrorText';
import { languageName } from '../../../i18n/format';
import { UI_LANGUAGES, isUiLanguage } from '../../../i18n/languages';
import { useSyncStatus } from '../../sync';
import { settingsApi } from '../settingsApi';
import { lockSource, serverSwitchFailure, type ServerSwitchFailure } from '../serverMessages';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper component="section" variant="outlined" aria-labelledby={id} sx={{ p: 2, display: 'grid', gap: 1.5 }}>
      <Typography id={id} component="h2" variant="h6">
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function agentLanguageChoices(): string[] {
  const fromLibrary = builtinReplyLibrary().replies.flatMap((reply) => Object.keys(reply.variants));
  return [...new Set([...UI_LANGUAGES, ...fromLibrary])].sort();
}

export function SettingsScreen() {
  const { t, i18n } = useTranslation('settings');
  const { t: tApp } = useTranslation('app');
  const workstation = useWorkstation();
  const api = useMemo(() => settingsApi(workstation), [workstation]);
  const language = i18n.language;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const [serverUrl, setServerUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const removeId = useId();
  const [server, setServer] = useState<ServerInfo | null>(null);
  /** The address waiting for the agent's confirmation (null: the built-in demo server). */
  const [switchTo, setSwitchTo] = useState<{ url: string | null } | null>(null);
  const [switching, setSwitching] = useState(false);
  const uiId = useId();
  const confirmId = useId();

  useEffect(() => {
    let isCurrent = true;
    void api.get().then((result) => {
      if (isCurrent && result.ok) {
        setSettings(result.data);
        setServerUrl(result.data.serverUrl ?? '');
      }
    });
    void api.server().then((result) => {
      if (isCurrent && result.ok) setServer(result.data);
    });
    void api.session().then((result) => {
      if (!isCurrent || !result.ok) return;
      setSession(result.data);
      if (result.data.user !== null) setUsername(result.data.user.username);
    });
    return () => {
      isCurrent = false;
    };
  }, [api]);

  const save = async (change: Partial<Settings>) => {
    const result = await api.update(change);
    if (result.ok) {
      setSettings(result.data);
      setMessage({ severity: 'success', text: t('saved') });
    } else setMessage({ severity: 'error', text: t('failed', { message: contractErrorText(tApp, result.error) }) });
  };

  // An address is left-to-right inside Arabic text: isolated (FSI ... PDI) so its punctuation stays in place.
  const isolate = (value: string) => `\u2068${value}\u2069`;
  const serverName = (url: string | null) => (url === null ? t('server.embedded') : isolate(url));
  const failureText = (failure: ServerSwitchFailure): string => {
    switch (failure.kind) {
      case 'unsent':
        return t('server.unsent', { number: failure.number });
      case 'attention':
        return t('server.attention', { number: failure.number });
      case 'invalid':
        return t('server.invalid');
      case 'locked':
        return t('server.locked', { source: server === null ? '' : (lockSource(server) ?? '') });
      case 'unreachable':
        return t('server.unreachable', { url: isolate(failure.url) });
      case 'demoFailed':
        return t('server.demoFailed');
      case 'other':
        return t('failed', { message: contractErrorText(tApp, failure) });
    }
  };

  const saveServer = () => {
    const value = serverUrl.trim() === '' ? null : serverUrl.trim();
    const parsed = SettingsSchema.shape.serverUrl.safeParse(value);
    if (!parsed.success) {
      setMessage({ severity: 'error', text: t('server.invalid') });
      return;
    }
    if (server !== null && parsed.data === server.url) {
      setMessage({ severity: 'success', text: t('server.unchanged', { server: serverName(server.url) }) });
      return;
    }
    setSwitchTo({ url: parsed.data });
  };

  const confirmSwitch = async () => {
    if (switchTo === null) return;
    const { url } = switchTo;
    setSwitching(true);
    const result = await api.update({ serverUrl: url });
    setSwitching(false);
    setSwitchTo(null);
    if (!result.ok) {
      setMessage({ severity: 'error', text: failureText(serverSwitchFailure(result.error, url, language)) });
      return;
    }
    setSettings(result.data);
    const [info, fresh] = await Promise.all([api.server(), api.session()]);
    if (info.ok) setServer(info.data);
    if (fresh.ok) setSession(fresh.data);
    setPassword('');
    setMessage({
      severity: 'success',
      text: url === null ? t('server.switchedDemo') : t('server.switched', { server: isolate(url) }),
    });
  };

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    const result = await api.signIn(username, password);
    setPassword('');
    if (result.ok) {
      setSession(result.data);
      setMessage({
        severity: 'success',
        text: t('account.signedIn', { name: result.data.user?.displayName ?? username }),
      });
    } else
      setMessage({
        severity: 'error',
        text: t('account.signInFailed', { message: contractErrorText(tApp, result.error, 'signIn') }),
      });
  };

  const signOut = async () => {
    const result = await api.signOut();
    if (result.ok) {
      setSession((previous) => (previous === null ? null : { ...previous, user: null }));
      setMessage({ severity: 'success', text: t('account.signedOut') });
    } else setMessage({ severity: 'error', text: t('failed', { message: contractErrorText(tApp, result.error) }) });
  };

  // The core wipes the store and says so (device:wiped); the app then clears the drafts and tells the agent.
  const removeData = async () => {
    setConfirmRemove(false);
    const result = await api.signOutAndRemoveData();
    if (result.ok) setSession((previous) => (previous === null ? null : { ...previous, user: null }));
    else setMessage({ severity: 'error', text: t('failed', { message: contractErrorText(tApp, result.error) }) });
  };

  const syncStatus = useSyncStatus();
  // The store remembers the last user, but only the sync engine knows whether the server still accepts
  // them: a remembered user without a server session is offered the sign-in form, not "signed in".
  const remembered = session?.user ?? null;
  const hasServerSession = syncStatus !== null && syncStatus.connection !== 'signed_out';
  const user = hasServerSession ? remembered : null;
  const isLoading = session === null || syncStatus === null;
  const locked = server === null ? null : lockSource(server);
  return (
    <Box sx={{ display: 'grid', gap: 2, alignContent: 'start', maxWidth: 720, overflowY: 'auto' }}>
      <Typography component="h1" variant="h5">
        {t('title')}
      </Typography>
      <Box role="status" aria-live="polite">
        {message !== null && <Alert severity={message.severity}>{message.text}</Alert>}
      </Box>
      <Section title={t('account.title')}>
        {isLoading ? null : user !== null ? (
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography>{t('account.signedInAs', { name: user.displayName, username: user.username })}</Typography>
            <Button variant="outlined" onClick={() => void signOut()}>
              {t('account.signOut')}
            </Button>
            <Button variant="outlined" color="error" onClick={() => setConfirmRemove(true)}>
              {t('account.removeData')}
            </Button>
          </Box>
        ) : (
          <Box
            component="form"
            onSubmit={(event) => void signIn(event)}
            sx={{ display: 'grid', gap: 1.5, maxWidth: 360 }}
          >
            {remembered !== null && (
              <Typography variant="body2" color="text.secondary">
                {t('account.sessionEnded')}
              </Typography>
            )}
            <TextField
              size="small"
              label={t('account.username')}
              autoComplete="username"
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              required
            />
            <TextField
              size="small"
              type="password"
              label={t('account.password')}
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              required
            />
            <Button type="submit" variant="contained">
              {t('account.signIn')}
            </Button>
          </Box>
        )}
      </Section>
      <Section title={t('language.title')}>
        <FormControl size="small" sx={{ maxWidth: 320 }}>
          <InputLabel id={uiId}>{t('language.ui')}</InputLabel>
          <Select
            labelId={uiId}
            label={t('language.ui')}
            value={language}
            onChange={(event) => {
              const next = event.target.value;
              if (!isUiLanguage(next)) return;
              void i18n.changeLanguage(next);
              void save({ uiLocale: next });
            }}
          >
            {UI_LANGUAGES.map((code) => (
              <MenuItem key={code} value={code} lang={code}>
                {languageName(code, code)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <Autocomplete
          multiple
          size="small"
          options={agentLanguageChoices()}
          value={settings?.agentLanguages ?? []}
          getOptionLabel={(code) => languageName(language, code)}
          onChange={(_event, value) => void save({ agentLanguages: value })}
          renderInput={(params) => (
            <TextField {...params} label={t('language.agent')} helperText={t('language.agentHelp')} />
          )}
        />
      </Section>
      <Section title={t('server.title')}>
        {server !== null && (
          <Typography variant="body2">{t('server.current', { server: serverName(server.url) })}</Typography>
        )}
        <TextField
          size="small"
          label={t('server.url')}
          value={serverUrl}
          onChange={(event) => setServerUrl(event.target.value)}
          disabled={locked !== null}
          inputMode="url"
          helperText={locked !== null ? t('server.locked', { source: locked }) : t('server.help')}
        />
        <Box>
          <Button variant="outlined" onClick={saveServer} disabled={locked !== null || switching}>
            {t('server.save')}
          </Button>
        </Box>
      </Section>
      <Dialog
        open={switchTo !== null}
        onClose={() => {
          if (!switching) setSwitchTo(null);
        }}
        aria-labelledby={confirmId}
      >
        <DialogTitle id={confirmId}>{t('server.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {t(switchTo?.url === null ? 'server.confirmDemo' : 'server.confirmBody', {
              from: serverName(server?.url ?? null),
              to: serverName(switchTo?.url ?? null),
            })}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setSwitchTo(null)} disabled={switching}>
            {t('server.cancel')}
          </Button>
          <Button variant="contained" onClick={() => void confirmSwitch()} disabled={switching}>
            {switching ? t('server.switching') : t('server.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={confirmRemove} onClose={() => setConfirmRemove(false)} aria-labelledby={removeId}>
        <DialogTitle id={removeId}>{t('account.removeTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('account.removeBody', { number: syncStatus?.pendingCount ?? 0 })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmRemove(false)}>{t('server.cancel')}</Button>
          <Button variant="contained" color="error" onClick={() => void removeData()}>
            {t('account.removeConfirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
