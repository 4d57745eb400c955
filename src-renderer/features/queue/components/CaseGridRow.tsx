import { memo } from 'react';
import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import type { TFunction } from 'i18next';
import type { CaseRow } from '../../../../src-shared/contract/workstation';
import { priorityReason } from '../../../../src-shared/domain/priorityReason';
import { textDirection } from '../../../../src-shared/replies/bidi';
import { languageName, regionName } from '../../../i18n/format';
import { HighlightedText } from './HighlightedText';
import { GRID_CLASS as c } from './CaseGridStyles';
import { keepGridFocus, type PickMode } from './gridLayout';
import { SlaCountdownLabel } from './SlaCountdownLabel';

type Props = {
  row: CaseRow;
  index: number;
  rowId: string;
  start: number;
  isActive: boolean;
  isSelected: boolean;
  now: number;
  serverOffsetMs: number;
  /** The grid's translator for the queue and domain namespaces, and its language (rows do not subscribe). */
  t: TFunction<['queue', 'domain']>;
  language: string;
  /** Who the assignee is in words: "You", a colleague's name, "Unassigned". */
  assignee: string;
  /** In search results: where the text matched, and the terms to mark in it. */
  snippet?: string;
  highlight?: readonly string[];
  // Stable handlers that take the row's index, so a change to one row does not re-render the others.
  onActivate: (index: number) => void;
  onOpen: (index: number) => void;
  onPick: (index: number, mode: PickMode) => void;
};

const CHECKED_PATH =
  'M19 3H5c-1.11 0-2 .9-2 2v14c0 1.1.89 2 2 2h14c1.11 0 2-.9 2-2V5c0-1.1-.89-2-2-2zm-9 14l-5-5 1.41-1.41L10 14.17l7.59-7.59L19 8l-9 9z';
const UNCHECKED_PATH = 'M19 5v14H5V5h14m0-2H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2V5c0-1.1-.9-2-2-2z';

export const CaseGridRow = memo(function CaseGridRow({
  row,
  index,
  rowId,
  start,
  isActive,
  isSelected,
  now,
  serverOffsetMs,
  t,
  language,
  assignee,
  snippet,
  highlight = [],
  onActivate,
  onOpen,
  onPick,
}: Props) {
  // Rows carry no events, so "changed by" is the case view's to say.
  const reason = priorityReason(row);
  // A match in the name or reference is marked where they stand; any other match replaces the subject.
  const secondLine =
    snippet === undefined || snippet === row.customerName || snippet === row.ref ? row.subject : snippet;
  return (
    <div
      role="row"
      className={c.row}
      id={rowId}
      // 1-based, counting the header row, as aria-rowindex wants.
      aria-rowindex={index + 2}
      aria-selected={isSelected}
      data-active={isActive}
      data-case-id={row.id}
      style={{ transform: `translateY(${start}px)` }}
      onMouseDown={(event) => {
        if (event.shiftKey) event.preventDefault();
      }}
      // One click opens, as in a mail client; Ctrl/Cmd or Shift held picks rows for a bulk action instead.
      onClick={(event) => {
        if (event.shiftKey) onPick(index, 'extend');
        else if (event.ctrlKey || event.metaKey) onPick(index, 'toggle');
        else {
          onActivate(index);
          onOpen(index);
        }
      }}
    >
      <div role="gridcell" className={c.selectCell}>
        <span className={c.checkbox} data-checked={isSelected}>
          <input
            type="checkbox"
            tabIndex={-1}
            checked={isSelected}
            aria-label={t('bulk.select', { ref: row.ref, customer: row.customerName })}
            onMouseDown={keepGridFocus}
            onClick={(event) => event.stopPropagation()}
            onChange={(event) => {
              const click = event.nativeEvent;
              onPick(index, 'shiftKey' in click && click.shiftKey === true ? 'extend' : 'toggle');
            }}
          />
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={isSelected ? CHECKED_PATH : UNCHECKED_PATH} />
          </svg>
        </span>
        {row.hasPendingChanges && (
          <CloudUploadIcon
            fontSize="small"
            color="primary"
            role="img"
            aria-label={t('pending')}
            titleAccess={t('pending')}
          />
        )}
      </div>
      <div role="gridcell" className={c.cell}>
        {/* Each line in its text's own direction, so a Latin name or subject in a right-to-left row loses its end. */}
        <div className={`${c.primary} ${c.ownDirection}`} dir={textDirection(row.customerName)}>
          <bdi>
            <HighlightedText text={row.customerName} terms={highlight} />
          </bdi>
        </div>
        <div className={`${c.secondary} ${c.ownDirection}`} dir={textDirection(secondLine)}>
          <bdi>
            <HighlightedText text={row.ref} terms={highlight} />
          </bdi>
          {' · '}
          <bdi lang={row.locale}>
            <HighlightedText text={secondLine} terms={highlight} />
          </bdi>
        </div>
      </div>
      <div role="gridcell" className={c.cell} title={regionName(language, row.market)}>
        <span className={c.market}>{row.market}</span>
      </div>
      <div role="gridcell" className={c.cell}>
        <div className={c.text}>{t(`domain:caseType.${row.type}`)}</div>
      </div>
      <div role="gridcell" className={c.cell}>
        <div className={c.text}>{languageName(language, row.locale)}</div>
      </div>
      <div role="gridcell" className={c.cell}>
        <SlaCountdownLabel
          dueAt={row.slaDueAt}
          status={row.status}
          now={now}
          serverOffsetMs={serverOffsetMs}
          t={t}
          language={language}
        />
      </div>
      <div role="gridcell" className={c.cell}>
        <div className={c.text}>{t(`domain:status.${row.status}`)}</div>
        {row.tags.length > 0 && (
          <div className={`${c.secondary} ${c.ownDirection}`} dir="ltr" title={row.tags.join(' ')}>
            {row.tags.map((tag) => (
              <HighlightedText key={tag} text={`#${tag} `} terms={highlight} />
            ))}
          </div>
        )}
      </div>
      <div role="gridcell" className={c.cell}>
        <div className={`${c.text} ${c.priority}`} data-priority={row.priority}>
          {t(`domain:priority.${row.priority}`)}
        </div>
        {reason !== null && (
          <div
            className={c.secondary}
            data-priority-reason={reason.kind}
            title={t(`domain:priorityReason.long.${reason.kind}`)}
          >
            {t(`domain:priorityReason.short.${reason.kind}`)}
          </div>
        )}
      </div>
      <div role="gridcell" className={c.cell}>
        <div className={c.text} data-assignee>
          {assignee}
        </div>
      </div>
    </div>
  );
});
