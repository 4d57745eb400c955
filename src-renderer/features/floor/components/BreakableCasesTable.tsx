import Alert from '@mui/material/Alert';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisedCase } from '../../../../src-shared/supervision/views';
import { contractErrorText } from '../../../i18n/contractErrorText';
import type { FloorApi } from '../floorApi';
import { SupervisedCasesTable } from './SupervisedCasesTable';

/** A console case list whose held cases can be returned to the team queue; a refusal is said above the table. */
export function BreakableCasesTable({
  cases,
  label,
  api,
  onChanged,
}: {
  cases: readonly SupervisedCase[];
  label: string;
  api: FloorApi;
  onChanged: () => void;
}) {
  const { t: tApp } = useTranslation('app');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      {problem !== null && <Alert severity="warning">{problem}</Alert>}
      <SupervisedCasesTable
        cases={cases}
        label={label}
        onBreakLease={(each) =>
          void api.breakLease(each.id).then((result) => {
            setProblem(result.ok ? null : contractErrorText(tApp, result.error));
            onChanged();
          })
        }
      />
    </>
  );
}
