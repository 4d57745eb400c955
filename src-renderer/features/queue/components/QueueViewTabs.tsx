import { memo, type KeyboardEvent } from 'react';
import ButtonBase from '@mui/material/ButtonBase';
import GlobalStyles from '@mui/material/GlobalStyles';
import type { Theme } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import { QUEUE_VIEWS, type QueueView, type ViewCounts } from '../../../../src-shared/contract/workstation';
import { formatNumber } from '../../../i18n/format';

type Props = { view: QueueView; counts: ViewCounts | null; onChange: (view: QueueView) => void; panelId: string };

const LIST = 'cd-queue-tabs';
const TAB = 'cd-queue-tab';

// MUI Tabs measures every tab (getBoundingClientRect) after mount to place its sliding indicator, a
// forced layout before the queue's first rows are painted; this tab list looks the same (MUI Tab's
// metrics, an underline on the selected tab) and never reads layout.
function tabStyles(theme: Theme) {
  return {
    [`.${LIST}`]: {
      display: 'flex',
      minHeight: 40,
      minWidth: 0,
      overflowX: 'auto',
      overflowY: 'hidden',
      scrollbarWidth: 'thin',
      flexShrink: 0,
    },
    // Two classes: ButtonBase's own reset (padding 0) has one and may be inserted after this sheet.
    [`.${LIST} .${TAB}`]: {
      ...theme.typography.button,
      position: 'relative',
      flexShrink: 0,
      minWidth: 90,
      maxWidth: 360,
      minHeight: 40,
      padding: '8px 14px',
      overflow: 'hidden',
      whiteSpace: 'normal',
      textAlign: 'center',
      color: theme.palette.text.secondary,
      '&[aria-selected="true"]': { color: theme.palette.primary.main },
      '&[aria-selected="true"]::after': {
        content: '""',
        position: 'absolute',
        insetInline: 0,
        bottom: 0,
        height: 2,
        backgroundColor: theme.palette.primary.main,
      },
    },
  } as const;
}

const TabStyles = memo(function TabStyles() {
  return <GlobalStyles styles={tabStyles} />;
});

/** Arrow keys (mirrored right to left), Home and End move focus between tabs; Enter or Space selects. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')];
  const current = tabs.findIndex((tab) => tab === document.activeElement);
  if (current < 0) return;
  const isRtl = getComputedStyle(event.currentTarget).direction === 'rtl';
  const step = { ArrowRight: isRtl ? -1 : 1, ArrowLeft: isRtl ? 1 : -1 }[event.key];
  const target =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? tabs.length - 1
        : step === undefined
          ? null
          : (current + step + tabs.length) % tabs.length;
  if (target === null) return;
  event.preventDefault();
  tabs[target]?.focus();
}

export const QueueViewTabs = memo(function QueueViewTabs({ view, counts, onChange, panelId }: Props) {
  const { t, i18n } = useTranslation('queue');
  return (
    <div role="tablist" aria-label={t('views.label')} className={LIST} onKeyDown={moveFocus}>
      <TabStyles />
      {QUEUE_VIEWS.map((name) => {
        const count = counts?.[name];
        const isSelected = name === view;
        return (
          <ButtonBase
            key={name}
            role="tab"
            focusRipple
            className={TAB}
            id={`queue-tab-${name}`}
            aria-selected={isSelected}
            aria-controls={panelId}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => {
              if (!isSelected) onChange(name);
            }}
          >
            {count === undefined
              ? t(`views.${name}`)
              : t('views.withCount', { view: t(`views.${name}`), total: formatNumber(i18n.language, count) })}
          </ButtonBase>
        );
      })}
    </div>
  );
});
