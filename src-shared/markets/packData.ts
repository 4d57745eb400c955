// Every pack and override file is imported statically, so Node, the server and the vite-bundled renderer
// load the same data without a file system. Adding a file means adding a line here (docs/MARKETS.md);
// `npm run markets -- check` fails when a file in resources/markets is missing from this list.
import cn from '../../resources/markets/cn.json';
import cn2026 from '../../resources/markets/overrides/cn-2026.json';
import cn2027 from '../../resources/markets/overrides/cn-2027.json';

export const PACK_FILES: ReadonlyArray<{ file: string; data: unknown }> = [
  { file: 'cn.json', data: cn },
];

export const OVERRIDE_FILES: ReadonlyArray<{ file: string; data: unknown }> = [
  { file: 'overrides/cn-2026.json', data: cn2026 },
  { file: 'overrides/cn-2027.json', data: cn2027 },
];
