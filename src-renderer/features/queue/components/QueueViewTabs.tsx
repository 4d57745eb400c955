import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';
import { QUEUE_VIEWS, type QueueView, type ViewCounts } from '../../../../src-shared/contract/workstation';
import { formatNumber } from '../../../i18n/format';

type Props = { view: QueueView; counts: ViewCounts | null; onChange: (view: QueueView) => void; panelId: string };

export function QueueViewTabs({ view, counts, onChange, panelId }: Props) {
  const { t, i18n } = useTranslation('queue');
  return (
    <Tabs
      value={view}
      onChange={(_event, next: QueueView) => onChange(next)}
      aria-label={t('views.label')}
      variant="scrollable"
      scrollButtons="auto"
    >
      {QUEUE_VIEWS.map((name) => {
        const count = counts?.[name];
        return (
          <Tab
            key={name}
            value={name}
            id={`queue-tab-${name}`}
            aria-controls={panelId}
            label={count === undefined ? t(`views.${name}`) : t('views.withCount', { view: t(`views.${name}`), total: formatNumber(i18n.language, count) })}
          />
        );
      })}
    </Tabs>
  );
}
