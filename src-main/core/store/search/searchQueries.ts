import type Database from 'better-sqlite3-multiple-ciphers';
import type { SearchHit } from '../../../../src-shared/contract/workstation';
import { CASE_ROW_SELECT, toCaseRow, type CaseRowRecord } from '../writes/caseRows';
import { readJson } from '../json';
import { CASE_SEARCH_TEXT, CASE_SNIPPET_FIELDS } from './caseSearchText';
import { cjkPhrase, ftsPhrase, hasCjk } from './cjkText';
import type { SearchBacklog } from './searchBacklog';

/** How many candidate rows each index hands over before results are grouped by case. */
const CANDIDATES = 400;

function snippetAround(text: string, terms: readonly string[], width = 40): string {
  const lower = text.toLowerCase();
  let at = -1;
  for (const term of terms) {
    at = lower.indexOf(term.toLowerCase());
    if (at >= 0) break;
  }
  if (at < 0) return text.length > width * 2 ? `${text.slice(0, width * 2)}…` : text;
  const start = Math.max(0, at - width);
  const end = Math.min(text.length, at + width + (terms[0]?.length ?? 0));
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

const likeEscape = (term: string) => term.replace(/[\\%_]/g, (ch) => `\\${ch}`);
const likePattern = (term: string) => `%${likeEscape(term)}%`;
const ORDER_SEPARATORS = /[-\s_./]/gu;

/**
 * Full-text search over case subjects, customer names, order ids and message bodies, newest first.
 * Terms of 3+ characters go to the trigram indexes (any script). A query of only 1-2 character terms
 * goes to the per-character CJK index as a phrase when it is Han, kana or Hangul (退款, 환불), and
 * otherwise to LIKE over case fields, which stops at the limit. Rows a fresh bootstrap has not indexed
 * yet (the oldest, searchBacklog.ts) are scanned with LIKE after the indexed ones, so results stay
 * complete and newest first while the indexes are built; LIKE folds ASCII case only.
 * Over 100 lines as a factory only: its prepared statements are shared by the small functions inside.
 */
export function createSearchQueries(db: Database.Database, searchBacklog: () => SearchBacklog) {
  const caseMatch = db.prepare<[string, number], { rid: number }>(
    'SELECT rowid AS rid FROM case_fts WHERE case_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
  );
  const messageMatch = db.prepare<
    [string, number],
    { case_id: string; body: string }
  >(`SELECT m.case_id, m.data ->> '$.body' AS body
    FROM message_fts f JOIN messages m ON m.rid = f.rowid WHERE message_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?`);
  const cjkMatch = db.prepare<[string, number], { rowid: number }>(
    'SELECT rowid FROM cjk_fts WHERE cjk_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
  );
  const messageByRid = db.prepare<[number], { case_id: string; body: string }>(
    "SELECT case_id, data ->> '$.body' AS body FROM messages WHERE rid = ?",
  );
  type CaseHit = CaseRowRecord & { order_id: string | null };
  const HIT_SELECT = `${CASE_ROW_SELECT}, order_id`;
  // Contacts and product titles come out of the case's JSON: read only for a hit the columns do not explain.
  const extraFields = db.prepare<[number], { contacts: string; products: string }>(
    `SELECT ${CASE_SNIPPET_FIELDS} FROM cases WHERE rid = ?`,
  );
  const extraOf = (r: CaseHit) => extraFields.get(r.rid) ?? { contacts: '', products: '' };
  const caseByRid = db.prepare<[number], CaseHit>(`SELECT ${HIT_SELECT} FROM cases WHERE rid = ?`);
  const caseById = db.prepare<[string], CaseHit>(`SELECT ${HIT_SELECT} FROM cases WHERE id = ?`);
  const likeCases = db.prepare<[string, string, string, string, number], CaseHit>(`SELECT ${HIT_SELECT}
    FROM cases WHERE subject LIKE ? ESCAPE '\\' OR customer_name LIKE ? ESCAPE '\\' OR order_id LIKE ? ESCAPE '\\' OR ref LIKE ? ESCAPE '\\'
    ORDER BY rid DESC LIMIT ?`);

  const refPrefix = db.prepare<[string, number], CaseHit>(`SELECT ${HIT_SELECT}
    FROM cases WHERE ref GLOB ? ORDER BY ref LIMIT ?`);
  // Tags are short JSON arrays of normalized words; a scan of the column finds one in any case.
  const taggedCases = db.prepare<[string, number], CaseHit>(`SELECT ${HIT_SELECT}
    FROM cases WHERE tags LIKE ? ESCAPE '\\' ORDER BY rid DESC LIMIT ?`);

  /** Cases not indexed yet whose searched fields hold every term, newest first. */
  function unindexedCases(below: number, terms: readonly string[], limit: number): (CaseHit & { rid: number })[] {
    if (below === 0) return [];
    const each = terms.map(() => `${CASE_SEARCH_TEXT} LIKE ? ESCAPE '\\'`).join(' AND ');
    return db
      .prepare<unknown[], CaseHit & { rid: number }>(
        `SELECT ${HIT_SELECT}, rid FROM cases
      WHERE rid <= ? AND ${each} ORDER BY rid DESC LIMIT ?`,
      )
      .all(below, ...terms.map(likePattern), limit);
  }
  /** Messages not indexed yet whose body holds every term, newest first. */
  function unindexedMessages(
    below: number,
    terms: readonly string[],
    limit: number,
  ): { rid: number; case_id: string; body: string }[] {
    if (below === 0) return [];
    const each = terms.map(() => "data ->> '$.body' LIKE ? ESCAPE '\\'").join(' AND ');
    return db
      .prepare<unknown[], { rid: number; case_id: string; body: string }>(
        `SELECT rid, case_id, data ->> '$.body' AS body FROM messages
      WHERE rid <= ? AND ${each} ORDER BY rid DESC LIMIT ?`,
      )
      .all(below, ...terms.map(likePattern), limit);
  }

  function caseSnippet(r: CaseHit, terms: readonly string[]): string {
    const matches = (field: string) => terms.some((t) => field.toLowerCase().includes(t.toLowerCase()));
    const columns = [r.subject, r.customer_name, r.order_id ?? '', r.ref];
    const extra = columns.some(matches) ? null : extraOf(r);
    const hit = [...columns, extra?.contacts ?? '', extra?.products ?? ''].find(matches);
    // An order number typed without its separators matches none of the fields as written.
    const orderKey = (r.order_id ?? '').replace(ORDER_SEPARATORS, '').toLowerCase();
    if (hit === undefined && r.order_id !== null && terms.some((t) => orderKey.includes(t.toLowerCase())))
      return r.order_id;
    return snippetAround(hit ?? r.subject, terms);
  }

  return {
    search(text: string, limit: number): SearchHit[] {
      const terms = text.trim().split(/\s+/u).filter(Boolean);
      if (terms.length === 0) return [];
      const long = terms.filter((t) => [...t].length >= 3);
      const hits: SearchHit[] = [];
      const seen = new Set<string>();
      const add = (row: CaseHit | undefined, snippet: string) => {
        if (!row || seen.has(row.id) || hits.length >= limit) return;
        seen.add(row.id);
        hits.push({ row: toCaseRow(row), snippet });
      };
      const backlog = searchBacklog();
      // A reference with or without its "CD-" (4+ digits alone, so a short number is not read as one).
      const ref = terms.length === 1 ? /^(?:cd-(\d{1,9})|(\d{4,9}))$/i.exec(terms[0] ?? '') : null;
      if (ref) for (const row of refPrefix.all(`CD-${ref[1] ?? ref[2] ?? ''}*`, limit)) add(row, row.ref);
      // "#word", or one word shaped like a tag (ASCII, 3+ characters: "vip", "wrong_colour"): the cases
      // tagged with it. A name or a CJK word does not scan the tags (that scan reads every case).
      const word = terms.length === 1 ? (terms[0] ?? '') : '';
      const tag = (
        /^#([\p{L}\p{N}_-]{1,64})$/u.exec(word)?.[1] ?? /^([a-z0-9_-]{3,64})$/iu.exec(word)?.[1]
      )?.toLowerCase();
      if (tag !== undefined) {
        const pattern = terms[0]?.startsWith('#') ? `%"${likeEscape(tag)}"%` : `%${likeEscape(tag)}%`;
        for (const row of taggedCases.all(pattern, limit)) {
          const tags = readJson<string[]>(row.tags);
          add(row, `#${tags.find((name) => name.includes(tag)) ?? tag}`);
        }
      }

      if (long.length > 0) {
        // Short terms next to long ones (退款 SF1403) narrow the trigram hits instead of being dropped.
        const shortTerms = terms.filter((t) => [...t].length < 3).map((t) => t.toLowerCase());
        const hasShort = (text: string) => shortTerms.every((t) => text.toLowerCase().includes(t));
        const match = long.map(ftsPhrase).join(' AND ');
        for (const { rid } of caseMatch.all(match, shortTerms.length ? CANDIDATES : limit)) {
          const row = caseByRid.get(rid);
          if (
            row &&
            (hasShort(`${row.subject} ${row.customer_name} ${row.order_id ?? ''}`) ||
              hasShort(
                `${row.subject} ${row.customer_name} ${row.order_id ?? ''} ${Object.values(extraOf(row)).join(' ')}`,
              ))
          )
            add(row, caseSnippet(row, long));
        }
        for (const row of unindexedCases(backlog.cases, terms, limit - hits.length)) add(row, caseSnippet(row, long));
        for (const m of [
          ...messageMatch.all(match, CANDIDATES),
          ...unindexedMessages(backlog.messages, terms, CANDIDATES),
        ]) {
          if (hits.length >= limit) break;
          if (!seen.has(m.case_id) && hasShort(m.body)) add(caseById.get(m.case_id), snippetAround(m.body, long));
        }
        return hits;
      }

      const short = terms.join(' ');
      if (terms.every(hasCjk)) {
        for (const { rowid } of cjkMatch.all(terms.map(cjkPhrase).join(' AND '), CANDIDATES)) {
          if (hits.length >= limit) break;
          if (rowid % 2 === 1) {
            const row = caseByRid.get((rowid - 1) / 2);
            if (row) add(row, caseSnippet(row, terms));
          } else {
            const m = messageByRid.get(rowid / 2);
            if (m && !seen.has(m.case_id)) add(caseById.get(m.case_id), snippetAround(m.body, terms));
          }
        }
        // In the CJK index's order: cases and messages interleaved by rid (rowid rid * 2 + 1 and rid * 2).
        const unindexed = [
          ...unindexedCases(backlog.cases, terms, CANDIDATES).map((row) => ({
            key: row.rid * 2 + 1,
            row,
            message: null,
          })),
          ...unindexedMessages(backlog.messages, terms, CANDIDATES).map((message) => ({
            key: message.rid * 2,
            row: null,
            message,
          })),
        ].sort((a, b) => b.key - a.key);
        for (const { row, message } of unindexed) {
          if (hits.length >= limit) break;
          if (row) add(row, caseSnippet(row, terms));
          else if (message && !seen.has(message.case_id))
            add(caseById.get(message.case_id), snippetAround(message.body, terms));
        }
        return hits;
      }

      const pattern = likePattern(short);
      for (const row of likeCases.all(pattern, pattern, pattern, pattern, limit)) add(row, caseSnippet(row, [short]));
      return hits;
    },
  };
}
export type SearchQueries = ReturnType<typeof createSearchQueries>;
