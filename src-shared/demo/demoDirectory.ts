import type { Team, User, WeeklyHours } from '../domain/user';
import type { MarketCode } from '../domain/market';
import { CASE_TYPES, type CaseType } from '../domain/caseType';
import { createRng } from './prng';

/**
 * Every demo account signs in with this password (the server seeds its hash). It is for local demos
 * and tests only; a real deployment has no demo accounts.
 */
export const DEMO_PASSWORD = 'crossdesk-demo';

export interface DemoDirectory {
  teams: Team[];
  users: User[];
}

const OFFICE: WeeklyHours = {
  mon: [
    ['09:00', '12:00'],
    ['13:00', '18:00'],
  ],
  tue: [
    ['09:00', '12:00'],
    ['13:00', '18:00'],
  ],
  wed: [
    ['09:00', '12:00'],
    ['13:00', '18:00'],
  ],
  thu: [
    ['09:00', '12:00'],
    ['13:00', '18:00'],
  ],
  fri: [
    ['09:00', '12:00'],
    ['13:00', '18:00'],
  ],
  sat: [],
  sun: [],
};
/** The Asia desk also covers Saturday mornings, when Chinese and Korean shoppers write the most. */
const OFFICE_WITH_SATURDAY: WeeklyHours = { ...OFFICE, sat: [['10:00', '16:00']] };

interface TeamSeed {
  key: string;
  name: string;
  brand: string;
  timeZone: string;
  holidayMarket: MarketCode;
  markets: MarketCode[];
  hours: WeeklyHours;
}
const TEAM_SEEDS: readonly TeamSeed[] = [
  {
    key: 'apac',
    brand: 'Lumora Home Asia',
    name: 'Asia-Pacific desk',
    timeZone: 'Asia/Shanghai',
    holidayMarket: 'CN',
    markets: ['CN', 'JP', 'KR', 'SG', 'TH', 'VN', 'ID', 'AU'],
    hours: OFFICE_WITH_SATURDAY,
  },
  {
    key: 'europe',
    brand: 'Lumora Home Europe',
    name: 'Europe desk',
    timeZone: 'Europe/Berlin',
    holidayMarket: 'DE',
    markets: ['DE', 'FR', 'ES', 'IT', 'NL', 'PL', 'GB', 'RU'],
    hours: OFFICE,
  },
  {
    key: 'americas',
    brand: 'Lumora Home Americas',
    name: 'Americas desk',
    timeZone: 'America/Mexico_City',
    holidayMarket: 'MX',
    markets: ['US', 'CA', 'MX', 'BR'],
    hours: OFFICE,
  },
  {
    key: 'mea',
    brand: 'Lumora Home Middle East',
    name: 'Middle East & India desk',
    timeZone: 'Asia/Dubai',
    holidayMarket: 'AE',
    markets: ['SA', 'AE', 'IN'],
    hours: OFFICE,
  },
];

interface UserSeed {
  username: string;
  displayName: string;
  role: User['role'];
  teams: readonly string[];
  languages: readonly string[];
  markets: readonly MarketCode[];
  caseTypes?: readonly CaseType[];
  timeZone: string;
  uiLocale: string;
}
const USER_SEEDS: readonly UserSeed[] = [
  {
    username: 'chen.mei',
    displayName: '陈美',
    role: 'agent',
    teams: ['apac'],
    languages: ['zh-CN', 'en'],
    markets: ['CN', 'SG'],
    timeZone: 'Asia/Shanghai',
    uiLocale: 'zh-CN',
  },
  {
    username: 'tanaka.yui',
    displayName: '田中 結衣',
    role: 'agent',
    teams: ['apac'],
    languages: ['ja-JP', 'en', 'zh-CN'],
    markets: ['JP'],
    timeZone: 'Asia/Shanghai',
    uiLocale: 'ja-JP',
  },
  {
    username: 'park.jiwoo',
    displayName: '박지우',
    role: 'agent',
    teams: ['apac'],
    languages: ['ko-KR', 'en'],
    markets: ['KR'],
    timeZone: 'Asia/Shanghai',
    uiLocale: 'ko-KR',
  },
  {
    username: 'nguyen.linh',
    displayName: 'Nguyễn Mai Linh',
    role: 'agent',
    teams: ['apac'],
    languages: ['vi-VN', 'th-TH', 'en'],
    markets: ['VN', 'TH'],
    timeZone: 'Asia/Shanghai',
    uiLocale: 'en',
  },
  {
    username: 'ayu.putri',
    displayName: 'Ayu Putri',
    role: 'agent',
    teams: ['apac'],
    languages: ['id-ID', 'en'],
    markets: ['ID', 'AU'],
    timeZone: 'Asia/Shanghai',
    uiLocale: 'en',
  },
  {
    username: 'jonas.weber',
    displayName: 'Jonas Weber',
    role: 'agent',
    teams: ['europe'],
    languages: ['de-DE', 'nl-NL', 'en'],
    markets: ['DE', 'NL'],
    timeZone: 'Europe/Berlin',
    uiLocale: 'en',
  },
  {
    username: 'camille.durand',
    displayName: 'Camille Durand',
    role: 'agent',
    teams: ['europe'],
    languages: ['fr-FR', 'es-ES', 'en'],
    markets: ['FR', 'ES'],
    timeZone: 'Europe/Berlin',
    uiLocale: 'en',
  },
  {
    username: 'giulia.ricci',
    displayName: 'Giulia Ricci',
    role: 'agent',
    teams: ['europe'],
    languages: ['it-IT', 'es-ES', 'en'],
    markets: ['IT', 'ES'],
    timeZone: 'Europe/Berlin',
    uiLocale: 'en',
  },
  {
    username: 'anna.nowak',
    displayName: 'Anna Nowak',
    role: 'agent',
    teams: ['europe'],
    languages: ['pl-PL', 'ru-RU', 'en'],
    markets: ['PL', 'RU'],
    timeZone: 'Europe/Berlin',
    uiLocale: 'en',
  },
  {
    username: 'oliver.hughes',
    displayName: 'Oliver Hughes',
    role: 'agent',
    teams: ['europe'],
    languages: ['en-GB'],
    markets: ['GB'],
    caseTypes: ['complaint', 'privacy_request', 'payment_issue', 'return_refund'],
    timeZone: 'Europe/Berlin',
    uiLocale: 'en',
  },
  {
    username: 'valeria.ramirez',
    displayName: 'Valeria Ramírez',
    role: 'agent',
    teams: ['americas'],
    languages: ['es-MX', 'en'],
    markets: ['MX', 'US'],
    timeZone: 'America/Mexico_City',
    uiLocale: 'en',
  },
  {
    username: 'lucas.souza',
    displayName: 'Lucas Souza',
    role: 'agent',
    teams: ['americas'],
    languages: ['pt-BR', 'es-MX', 'en'],
    markets: ['BR'],
    timeZone: 'America/Mexico_City',
    uiLocale: 'en',
  },
  {
    username: 'emily.tremblay',
    displayName: 'Emily Tremblay',
    role: 'agent',
    teams: ['americas'],
    languages: ['en', 'fr-CA'],
    markets: ['US', 'CA'],
    timeZone: 'America/Mexico_City',
    uiLocale: 'en',
  },
  {
    username: 'omar.haddad',
    displayName: 'عمر حداد',
    role: 'agent',
    teams: ['mea'],
    languages: ['ar', 'en'],
    markets: ['SA', 'AE'],
    timeZone: 'Asia/Dubai',
    uiLocale: 'ar',
  },
  {
    username: 'priya.nair',
    displayName: 'Priya Nair',
    role: 'agent',
    teams: ['mea'],
    languages: ['en-IN', 'hi-IN'],
    markets: ['IN', 'AE'],
    timeZone: 'Asia/Dubai',
    uiLocale: 'en',
  },
  {
    username: 'wang.lei',
    displayName: '王磊',
    role: 'supervisor',
    teams: ['apac', 'europe', 'americas', 'mea'],
    languages: ['zh-CN', 'en'],
    markets: ['CN', 'SG', 'US', 'GB'],
    timeZone: 'Asia/Shanghai',
    uiLocale: 'zh-CN',
  },
  {
    username: 'sofia.marino',
    displayName: 'Sofia Marino',
    role: 'trainer',
    teams: ['europe', 'americas'],
    languages: ['it-IT', 'en', 'es-ES'],
    markets: ['IT', 'ES', 'MX'],
    timeZone: 'Europe/Berlin',
    uiLocale: 'en',
  },
  {
    username: 'admin',
    displayName: 'Crossdesk Admin',
    role: 'admin',
    teams: [],
    languages: ['en', 'zh-CN'],
    markets: [],
    timeZone: 'Asia/Shanghai',
    uiLocale: 'en',
  },
];

/** Teams and people of the demo company; ids depend only on the seed, so server and client agree. */
export function demoDirectory(seed: number | string): DemoDirectory {
  const rng = createRng(`${String(seed)}:directory`);
  const teamIds = new Map<string, string>();
  const teams: Team[] = TEAM_SEEDS.map((t) => {
    const id = rng.uuid();
    teamIds.set(t.key, id);
    return {
      id,
      name: t.name,
      timeZone: t.timeZone,
      weeklyHours: t.hours,
      holidayMarket: t.holidayMarket,
      markets: [...t.markets],
      brand: t.brand,
    };
  });
  const users: User[] = USER_SEEDS.map((u) => ({
    id: rng.uuid(),
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    teamIds: u.teams.map((key) => teamIds.get(key) ?? ''),
    languages: [...u.languages],
    skills: { caseTypes: [...(u.caseTypes ?? CASE_TYPES)], markets: [...u.markets] },
    timeZone: u.timeZone,
    uiLocale: u.uiLocale,
  }));
  return { teams, users };
}
