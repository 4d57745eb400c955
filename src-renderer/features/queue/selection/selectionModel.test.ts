import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCaseRule, type RuleContext } from '../../../../src-shared/caseRules';
import { generateDemoData } from '../../../../src-shared/demo';
import { CASE_STATUSES, type CaseStatus } from '../../../../src-shared/domain/caseStatus';
import {
  EMPTY_SELECTION,
  extendTo,
  headerState,
  keepLoaded,
  selectedRows,
  statusChoices,
  toggleAllLoaded,
  toggleRow,
  type Selection,
} from './selectionModel';

const NOW = '2026-11-25T12:00:00.000Z';
const rows = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id }));
const ids = (selection: Selection) => [...selection.ids].sort();

describe('selection model', () => {
  it('toggles a row and makes it the anchor', () => {
    const one = toggleRow(EMPTY_SELECTION, 'b');
    expect(ids(one)).toEqual(['b']);
    expect(one.anchor).toBe('b');
    expect(ids(toggleRow(one, 'b'))).toEqual([]);
  });

  it('extends a range from the anchor downwards and upwards, keeping earlier picks', () => {
    const start = toggleRow(toggleRow(EMPTY_SELECTION, 'f'), 'c');
    expect(ids(extendTo(start, rows, 'e'))).toEqual(['c', 'd', 'e', 'f']);
    expect(ids(extendTo(start, rows, 'a'))).toEqual(['a', 'b', 'c', 'f']);
    expect(extendTo(start, rows, 'a').anchor).toBe('c');
  });

  it('without an anchor a Shift pick selects the row alone; an unknown row changes nothing', () => {
    expect(ids(extendTo(EMPTY_SELECTION, rows, 'd'))).toEqual(['d']);
    const start = toggleRow(EMPTY_SELECTION, 'a');
    expect(extendTo(start, rows, 'zz')).toBe(start);
  });

  it('the header checkbox selects every loaded row, then clears; its state is none, some or all', () => {
    expect(headerState(EMPTY_SELECTION, rows)).toBe('none');
    expect(headerState(toggleRow(EMPTY_SELECTION, 'a'), rows)).toBe('some');
    const all = toggleAllLoaded(toggleRow(EMPTY_SELECTION, 'a'), rows);
    expect(headerState(all, rows)).toBe('all');
    expect(ids(toggleAllLoaded(all, rows))).toEqual([]);
  });

  it('a live reload keeps the rows still loaded and drops the rest, the anchor too', () => {
    const selection = extendTo(toggleRow(EMPTY_SELECTION, 'b'), rows, 'd');
    const kept = keepLoaded(
      selection,
      rows.filter((row) => row.id !== 'b'),
    );
    expect(ids(kept)).toEqual(['c', 'd']);
    expect(kept.anchor).toBeNull();
    expect(keepLoaded(kept, rows)).toBe(kept);
    expect(selectedRows(kept, rows).map((row) => row.id)).toEqual(['c', 'd']);
  });

  it('offers statuses accepted for all first, partial ones with their count, none that changes nothing', () => {
    expect(statusChoices(['closed'])).toEqual([]);
    const choices = statusChoices(['new', 'solved']);
    expect(choices[0]).toEqual({ to: 'open', acceptedFor: 2 });
    expect(choices).toContainEqual({ to: 'closed', acceptedFor: 1 });
    expect(choices.map((choice) => choice.to)).not.toContain('new');
    // A case already open accepts "open" as a no-op: the choice is not "legal for 1 of 2".
    expect(statusChoices(['open', 'pending_customer'])).toContainEqual({ to: 'open', acceptedFor: 2 });
    expect(statusChoices(['open', 'open']).map((choice) => choice.to)).not.toContain('open');
  });

  it('property: every offered status is one the shared rule accepts for exactly acceptedFor cases', () => {
    const [demo] = generateDemoData({ seed: 1, cases: 1, now: NOW }).cases;
    if (!demo) throw new Error('no demo case');
    const actor = { id: demo.assigneeId ?? 'agent', role: 'agent' as const, teamIds: [demo.teamId] };
    const context: RuleContext = {
      actor,
      now: NOW,
      clientTime: NOW,
      base: {},
      teamMembers: () => [actor.id],
      caseById: () => undefined,
      holdsEveryCase: false,
      lastReassignment: () => null,
      replyGraceMs: 0,
      isDuplicate: false,
    };
    const isAccepted = (from: CaseStatus, to: CaseStatus) =>
      runCaseRule('case.setStatus@1', { ...demo, status: from, assigneeId: actor.id }, { caseId: demo.id, to }, context)
        .status === 'applied';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CASE_STATUSES), { maxLength: 12 }), (statuses) => {
        const offered = statusChoices(statuses);
        for (const { to, acceptedFor } of offered) {
          expect(statuses.filter((from) => isAccepted(from, to)).length).toBe(acceptedFor);
          expect(statuses.some((from) => from !== to && isAccepted(from, to))).toBe(true);
        }
        for (const to of CASE_STATUSES.filter((status) => !offered.some((choice) => choice.to === status)))
          expect(statuses.some((from) => from !== to && isAccepted(from, to))).toBe(false);
      }),
    );
  });

  type Op =
    | { kind: 'toggle'; index: number }
    | { kind: 'extend'; index: number }
    | { kind: 'all' }
    | { kind: 'clear' }
    | { kind: 'reload'; keep: boolean[]; added: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('toggle' as const), index: fc.nat(40) }),
    fc.record({ kind: fc.constant('extend' as const), index: fc.nat(40) }),
    fc.record({ kind: fc.constant('all' as const) }),
    fc.record({ kind: fc.constant('clear' as const) }),
    fc.record({
      kind: fc.constant('reload' as const),
      keep: fc.array(fc.boolean(), { maxLength: 40 }),
      added: fc.nat(5),
    }),
  );

  it('property: the selection is always a subset of the loaded rows, whatever the agent and live updates do', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.array(op, { maxLength: 40 }), (initial, ops) => {
        let next = initial;
        let loaded = Array.from({ length: initial }, (_, index) => ({ id: `r${index}` }));
        let selection = EMPTY_SELECTION;
        for (const step of ops) {
          const row = loaded.length === 0 ? undefined : loaded[('index' in step ? step.index : 0) % loaded.length];
          if (step.kind === 'toggle' && row !== undefined) selection = toggleRow(selection, row.id);
          if (step.kind === 'extend' && row !== undefined) selection = extendTo(selection, loaded, row.id);
          if (step.kind === 'all') selection = toggleAllLoaded(selection, loaded);
          if (step.kind === 'clear') selection = EMPTY_SELECTION;
          if (step.kind === 'reload') {
            loaded = [
              ...loaded.filter((_, index) => step.keep[index] ?? true),
              ...Array.from({ length: step.added }, () => ({ id: `r${next++}` })),
            ];
            selection = keepLoaded(selection, loaded);
          }
          const loadedIds = new Set(loaded.map((each) => each.id));
          expect([...selection.ids].every((id) => loadedIds.has(id))).toBe(true);
          if (selection.anchor !== null) expect(loadedIds.has(selection.anchor)).toBe(true);
          expect(selectedRows(selection, loaded).length).toBe(selection.ids.size);
        }
      }),
    );
  });
});
