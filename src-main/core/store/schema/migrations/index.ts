import type { Migration } from '../migrate';
import { m001Initial } from './m001Initial';
import { m002RefIndex } from './m002RefIndex';
import { m003CountIndexes } from './m003CountIndexes';
import { m004TeamBrand } from './m004TeamBrand';
import { m005AttentionReason } from './m005AttentionReason';
import { m006SearchBacklog } from './m006SearchBacklog';
import { m007DropUnused } from './m007DropUnused';
import { m008CaseSearchText } from './m008CaseSearchText';
import { m009Files } from './m009Files';

/** Append only. A shipped migration is never edited; a later one changes what it made. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001_initial', sql: m001Initial },
  { version: 2, name: '002_ref_index', sql: m002RefIndex },
  { version: 3, name: '003_count_indexes', sql: m003CountIndexes },
  { version: 4, name: '004_team_brand', sql: m004TeamBrand },
  { version: 5, name: '005_attention_reason', sql: m005AttentionReason },
  { version: 6, name: '006_search_backlog', sql: m006SearchBacklog },
  { version: 7, name: '007_drop_unused', sql: m007DropUnused },
  { version: 8, name: '008_case_search_text', sql: m008CaseSearchText },
  { version: 9, name: '009_files', sql: m009Files },
];
