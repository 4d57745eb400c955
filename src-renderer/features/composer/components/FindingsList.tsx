import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../src-shared/replies/findings';
import { languageName } from '../../../i18n/format';

/** Pre-send findings in the agent's language: errors block sending, warnings ask for a look. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const { t, i18n } = useTranslation('composer');
  if (findings.length === 0) return null;
  const params = (finding: Finding) => {
    const out: Record<string, string | number> = { ...finding.params };
    for (const key of ['locale', 'requested', 'used', 'customerLocale', 'agentLocale']) {
      const value = out[key];
      if (typeof value === 'string') out[key] = languageName(i18n.language, value);
    }
    // A blocking finding names the fact the case lacks in the agent's language ("tracking number").
    const name = finding.params.name;
    if (typeof name === 'string') out.fact = t(`fact.${name}`, { defaultValue: name });
    return out;
  };
  return (
    <Box component="section" aria-label={t('findings.label')} sx={{ display: 'grid', gap: 0.5 }}>
      {findings.map((finding, index) => (
        <Alert key={`${finding.code}-${index}`} severity={finding.severity} data-finding={finding.code} sx={{ py: 0 }}>
          {t(`finding.${finding.code}`, params(finding))}
        </Alert>
      ))}
    </Box>
  );
}
