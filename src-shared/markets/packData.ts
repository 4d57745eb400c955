// Every pack and override file is imported statically, so Node, the server and the vite-bundled renderer
// load the same data without a file system. Adding a file means adding a line here (docs/MARKETS.md);
// `npm run markets -- check` fails when a file in resources/markets is missing from this list.
import aePack from '../../resources/markets/ae.json';
import auPack from '../../resources/markets/au.json';
import brPack from '../../resources/markets/br.json';
import caPack from '../../resources/markets/ca.json';
import cnPack from '../../resources/markets/cn.json';
import dePack from '../../resources/markets/de.json';
import esPack from '../../resources/markets/es.json';
import frPack from '../../resources/markets/fr.json';
import gbPack from '../../resources/markets/gb.json';
import idPack from '../../resources/markets/id.json';
import inPack from '../../resources/markets/in.json';
import itPack from '../../resources/markets/it.json';
import jpPack from '../../resources/markets/jp.json';
import krPack from '../../resources/markets/kr.json';
import mxPack from '../../resources/markets/mx.json';
import nlPack from '../../resources/markets/nl.json';
import plPack from '../../resources/markets/pl.json';
import ruPack from '../../resources/markets/ru.json';
import saPack from '../../resources/markets/sa.json';
import sgPack from '../../resources/markets/sg.json';
import thPack from '../../resources/markets/th.json';
import usPack from '../../resources/markets/us.json';
import vnPack from '../../resources/markets/vn.json';
import ae2026Override from '../../resources/markets/overrides/ae-2026.json';
import ae2027Override from '../../resources/markets/overrides/ae-2027.json';
import cn2026Override from '../../resources/markets/overrides/cn-2026.json';
import cn2027Override from '../../resources/markets/overrides/cn-2027.json';
import id2026Override from '../../resources/markets/overrides/id-2026.json';
import kr2026Override from '../../resources/markets/overrides/kr-2026.json';
import kr2027Override from '../../resources/markets/overrides/kr-2027.json';
import ru2026Override from '../../resources/markets/overrides/ru-2026.json';
import sa2026Override from '../../resources/markets/overrides/sa-2026.json';
import vn2026Override from '../../resources/markets/overrides/vn-2026.json';

export const PACK_FILES: ReadonlyArray<{ file: string; data: unknown }> = [
  { file: 'ae.json', data: aePack },
  { file: 'au.json', data: auPack },
  { file: 'br.json', data: brPack },
  { file: 'ca.json', data: caPack },
  { file: 'cn.json', data: cnPack },
  { file: 'de.json', data: dePack },
  { file: 'es.json', data: esPack },
  { file: 'fr.json', data: frPack },
  { file: 'gb.json', data: gbPack },
  { file: 'id.json', data: idPack },
  { file: 'in.json', data: inPack },
  { file: 'it.json', data: itPack },
  { file: 'jp.json', data: jpPack },
  { file: 'kr.json', data: krPack },
  { file: 'mx.json', data: mxPack },
  { file: 'nl.json', data: nlPack },
  { file: 'pl.json', data: plPack },
  { file: 'ru.json', data: ruPack },
  { file: 'sa.json', data: saPack },
  { file: 'sg.json', data: sgPack },
  { file: 'th.json', data: thPack },
  { file: 'us.json', data: usPack },
  { file: 'vn.json', data: vnPack },
];

export const OVERRIDE_FILES: ReadonlyArray<{ file: string; data: unknown }> = [
  { file: 'overrides/ae-2026.json', data: ae2026Override },
  { file: 'overrides/ae-2027.json', data: ae2027Override },
  { file: 'overrides/cn-2026.json', data: cn2026Override },
  { file: 'overrides/cn-2027.json', data: cn2027Override },
  { file: 'overrides/id-2026.json', data: id2026Override },
  { file: 'overrides/kr-2026.json', data: kr2026Override },
  { file: 'overrides/kr-2027.json', data: kr2027Override },
  { file: 'overrides/ru-2026.json', data: ru2026Override },
  { file: 'overrides/sa-2026.json', data: sa2026Override },
  { file: 'overrides/vn-2026.json', data: vn2026Override },
];
