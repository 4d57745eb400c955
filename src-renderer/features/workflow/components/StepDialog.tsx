import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../src-shared/domain/case';
import type { WorkflowStepInput, WorkflowStepKind } from '../../../../src-shared/domain/workflow';
import { OPTION_GROUPS, STEP_FIELDS, detailFromForm, type Field, type FieldName } from '../stepForm';

type Props = {
  kind: WorkflowStepKind;
  caseRecord: Case;
  /** Today in the customer's zone, the date a step usually has. */
  today: string;
  onClose: () => void;
  onSave: (step: Omit<WorkflowStepInput, 'stepId'>) => Promise<void>;
};

/** The date and the few facts of one step; the same schema the core applies marks what is missing first. */
export function StepDialog({ kind, caseRecord, today, onClose, onSave }: Props) {
  const { t } = useTranslation(['workflow', 'domain']);
  const [on, setOn] = useState(today);
  const [values, setValues] = useState<Partial<Record<FieldName, string>>>({});
  const [wrong, setWrong] = useState<readonly FieldName[]>([]);
  const [saving, setSaving] = useState(false);
  const currency = caseRecord.order?.total.currency ?? 'EUR';

  const save = async () => {
    const built = detailFromForm(kind, values, caseRecord);
    if (!built.ok || on === '') {
      setWrong(built.ok ? [] : built.fields);
      return;
    }
    setSaving(true);
    await onSave({ on, detail: built.detail });
    setSaving(false);
  };

  const input = (field: Field) => {
    const label = t(`field.${field.name}`) + (field.kind === 'money' ? ` (${currency})` : '');
    const common = {
      key: field.name,
      label: field.optional ? t('optional', { label }) : label,
      value: values[field.name] ?? '',
      error: wrong.includes(field.name),
      helperText: wrong.includes(field.name) ? t('fieldWrong') : undefined,
      required: field.optional !== true,
      size: 'small' as const,
      onChange: (event: { target: { value: string } }) => setValues({ ...values, [field.name]: event.target.value }),
    };
    if (field.kind === 'choice')
      return (
        <TextField select {...common}>
          {OPTION_GROUPS[field.options].map((option) => (
            <MenuItem key={option} value={option}>
              {t(`option.${option}`)}
            </MenuItem>
          ))}
        </TextField>
      );
    return (
      <TextField {...common} slotProps={{ htmlInput: { inputMode: field.kind === 'text' ? 'text' : 'decimal' } }} />
    );
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="step-dialog-title" fullWidth maxWidth="xs">
      <DialogTitle id="step-dialog-title">{t('recordTitle', { step: t(`domain:workflowStep.${kind}`) })}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 1.5, pt: '8px !important' }}>
        <TextField
          type="date"
          size="small"
          label={t('field.on')}
          value={on}
          required
          error={on === ''}
          onChange={(event) => setOn(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {STEP_FIELDS[kind].map(input)}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('cancel')}</Button>
        <Button variant="contained" disabled={saving} onClick={() => void save()}>
          {t('save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
