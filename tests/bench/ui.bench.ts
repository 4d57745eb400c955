// Workstation UI at scale: a local store with 50,000 demo cases (BENCH_UI_CASES to change), served by
// the real web host and worker, measured in Chromium: queue open to first rows painted, view and sort
// changes, and typing-to-results in search. Timers run inside the page (performance.now, then one
// animation frame so the figure includes the paint; the queue open also waits for that frame's paint),
// so DevTools round trips are not counted.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { generateDemoBatches, demoDirectory } from '../../src-shared/demo';
import { openLocalStore, randomIds } from '../../src-main/core/store';
import { DEMO_AGENT_USERNAME } from '../../src-main/core/workstation/openDemoWorkstation';
import { startWorkstationHost } from '../../src-main/core/host/workstationHost';
import { startWebHost } from '../../src-main/web-host/webHost';
import { report, round, summarize } from './stats';
import { AGENT_CONTEXT, CHROMIUM_LAUNCH } from '../e2e/support/browser';

const CASES = Number(process.env.BENCH_UI_CASES ?? 50_000);
const RUNS = Number(process.env.BENCH_UI_RUNS ?? 7);
const SEED = 515151;
const NOW = new Date().toISOString();
const root = resolve(import.meta.dirname, '../..');
// BENCH_UI_STATIC="before=/tmp/a,after=out/web" times the queue open of several builds in one run,
// interleaved, so a before/after ratio holds on a machine whose load changes between runs.
const builds = (process.env.BENCH_UI_STATIC ?? 'out/web').split(',').map((entry) => {
  const [label = '', dir] = entry.includes('=') ? entry.split('=') : ['', entry];
  return { label, staticDir: resolve(root, dir ?? '') };
});
// Only the queue open (quicker while working on it); view, sort and search are skipped.
const OPEN_ONLY = process.env.BENCH_UI_OPEN_ONLY === '1';
// A directory to keep the imported store in between runs (keyed by size): development only, since the
// cached store's SLA deadlines were set against the time it was imported.
const STORE_CACHE = process.env.BENCH_UI_STORE_CACHE;

for (const { staticDir } of builds) {
  if (existsSync(join(staticDir, 'index.html'))) continue;
  const build = spawnSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:web failed');
}

const dataDir = mkdtempSync(join(tmpdir(), 'crossdesk-ui-bench-'));
const importStart = performance.now();
const cachedStore = STORE_CACHE === undefined ? null : join(STORE_CACHE, `workstation-${CASES}.db`);
if (cachedStore !== null && existsSync(cachedStore)) copyFileSync(cachedStore, join(dataDir, 'workstation.db'));
else {
  const store = openLocalStore({
    path: join(dataDir, 'workstation.db'),
    clock: { now: () => Date.parse(NOW) },
    ids: randomIds,
  });
  const { teams, users } = demoDirectory(SEED);
  store.importCanonical({ teams, users });
  for (const batch of generateDemoBatches({ seed: SEED, cases: CASES, messagesPerCase: 3, now: NOW }))
    store.importCanonical(batch);
  const agent = users.find((user) => user.username === DEMO_AGENT_USERNAME);
  store.setSyncState({ userId: agent?.id ?? null });
  store.close();
  if (cachedStore !== null && STORE_CACHE !== undefined) {
    mkdirSync(STORE_CACHE, { recursive: true });
    copyFileSync(join(dataDir, 'workstation.db'), cachedStore);
  }
}
const importMs = performance.now() - importStart;

const core = await startWorkstationHost({ dataDir });
const hosts = await Promise.all(builds.map(({ staticDir }) => startWebHost({ core, staticDir, port: 0 })));
const chromiumOptions = CHROMIUM_LAUNCH;
const contextOptions = AGENT_CONTEXT;
// BENCH_UI_CODE_CACHE=1 times the opens in a profile on disk. The default context is off the record:
// its HTTP cache serves the scripts, but V8's code cache is never consumed, so every open compiles the
// queue's ~800 kB of JS again (a browser profile, or an Electron scheme with codeCache, reuses it).
const profileDir =
  process.env.BENCH_UI_CODE_CACHE === '1' ? mkdtempSync(join(tmpdir(), 'crossdesk-ui-bench-profile-')) : null;
const browser = profileDir === null ? await chromium.launch(chromiumOptions) : null;
const context =
  browser === null
    ? await chromium.launchPersistentContext(profileDir ?? '', { ...chromiumOptions, ...contextOptions })
    : await browser.newContext(contextOptions);

type Condition = { kind: 'view'; label: string } | { kind: 'sort'; label: string } | { kind: 'search'; name: string };

/**
 * Installs a page-side waiter: resolves with ms from the next click or input until the condition holds,
 * plus one animation frame (the paint). Conditions are code, not strings: the app's CSP forbids eval.
 */
async function armTimer(page: Page, condition: Condition): Promise<void> {
  // No named inner functions here: tsx would wrap them in a helper that does not exist in the page.
  await page.evaluate((wanted) => {
    const state = window as unknown as { benchResult?: Promise<number> };
    state.benchResult = new Promise<number>((resolveResult) => {
      let start = 0;
      let sawLoading = false;
      for (const type of ['click', 'input'])
        document.addEventListener(
          type,
          () => {
            start = performance.now();
          },
          { capture: true, once: true },
        );
      const observer = new MutationObserver(() => {
        if (start === 0) return;
        const isLoading = document.querySelector('[role="progressbar"][aria-label="Loading cases"]') !== null;
        // A sort change always shows the loading bar (added in the click's task, removed in the reply's
        // task), so "seen, then gone" is the new rows painted, whatever the menu's exit transition does.
        sawLoading ||= isLoading;
        const isDone =
          wanted.kind === 'view'
            ? document.querySelector('[role="grid"]')?.getAttribute('aria-label') === wanted.label && !isLoading
            : wanted.kind === 'sort'
              ? sawLoading &&
                !isLoading &&
                [...document.querySelectorAll('[role="combobox"]')].some((node) => node.textContent === wanted.label)
              : [...document.querySelectorAll('[aria-label^="Search results"] bdi')].some(
                  (node) => node.textContent === wanted.name,
                );
        if (!isDone) return;
        observer.disconnect();
        requestAnimationFrame(() => resolveResult(performance.now() - start));
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  }, condition);
}

async function timerResult(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { benchResult: Promise<number> }).benchResult);
}

try {
  // The page notes when the first case row enters the DOM, then waits for that frame to be painted (the
  // task after the animation frame runs after style, layout and paint), so forced layouts moved to the
  // paint still count. Milliseconds since navigation start, as the page measured them. The runner waits on
  // a promise in the page's own world: Playwright's waitForFunction would inject its utility script
  // (25-40 ms of main-thread work) into the page while it loads, inside the measured time.
  await context.addInitScript(() => {
    const state = window as unknown as { firstRowsPainted: Promise<number> };
    state.firstRowsPainted = new Promise<number>((resolvePainted) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('[role="row"][data-case-id]') === null) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolvePainted(performance.now()), 0));
      });
      observer.observe(document, { subtree: true, childList: true });
    });
  });
  const open = builds.map(() => [] as number[]);
  for (let run = 0; run < RUNS; run++) {
    for (const [index, host] of hosts.entries()) {
      const page = await context.newPage();
      await page.goto('about:blank');
      await page.goto(`${host.url.replace('/#', '/?lng=en#')}`);
      open[index]?.push(
        await page.evaluate(() => (window as unknown as { firstRowsPainted: Promise<number> }).firstRowsPainted),
      );
      if (run < RUNS - 1 || index < hosts.length - 1) await page.close();
    }
  }
  const openFigures = Object.fromEntries(
    builds.flatMap(({ label }, index) => {
      const suffix = label === '' ? '' : ` [${label}]`;
      return [
        [`open queue to first rows painted, first (cold) load${suffix}`, `${round(open[index]?.[0] ?? NaN, 0)} ms`],
        [`open queue to first rows painted, warm loads${suffix}`, summarize(open[index]?.slice(1) ?? [])],
      ];
    }),
  );
  const page = context.pages().at(-1);
  if (page === undefined) throw new Error('no page');
  const viewChanges: number[] = [];
  const sortChanges: number[] = [];
  const typing: number[] = [];
  if (!OPEN_ONLY) {
    // The app loads the case screen's chunk (market packs, holidays) in the background after first paint,
    // as it would while an agent reads the queue: let it finish so it does not land inside a measurement.
    for (let waited = 0; waited < 15_000; waited += 200) {
      const loaded = await page.evaluate(() =>
        performance.getEntriesByType('resource').some((entry) => /\/case-[^/]*\.js$/.test(entry.name)),
      );
      if (loaded) break;
      await page.waitForTimeout(200);
    }
    await page.waitForTimeout(500);

    const views = ['Mine', 'Team unassigned', 'Breaching soon', 'Pending customer', 'All cases'];
    for (let run = 0; run < RUNS; run++) {
      for (const view of views) {
        const tab = page.getByRole('tab', { name: new RegExp(`^${view}`) });
        await armTimer(page, { kind: 'view', label: `Cases: ${view}` });
        await tab.click();
        viewChanges.push(await timerResult(page));
      }
    }

    const sorts = ['Priority', 'Oldest first', 'SLA deadline'];
    for (let run = 0; run < RUNS; run++) {
      for (const sort of sorts) {
        await page.getByRole('combobox', { name: 'Sort by' }).click();
        const option = page.getByRole('option', { name: sort });
        await option.waitFor();
        await armTimer(page, { kind: 'sort', label: sort });
        await option.click();
        sortChanges.push(await timerResult(page));
      }
    }

    const names = await page
      .locator('[role="row"][data-case-id]')
      .evaluateAll((rows) => rows.slice(0, 8).map((row) => row.querySelector('bdi')?.textContent ?? ''));
    const searchBox = page.getByRole('searchbox', { name: 'Search cases' });
    for (let run = 0; run < RUNS; run++) {
      for (const name of names.filter(Boolean)) {
        await searchBox.fill('');
        await armTimer(page, { kind: 'search', name });
        await searchBox.evaluate((input, text) => {
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
          setter?.call(input, text);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }, name);
        typing.push(await timerResult(page));
      }
    }
  }

  report(`Workstation UI, ${CASES.toLocaleString('en')} cases in the local store`, {
    'store import (untimed setup), s': round(importMs / 1000, 1),
    ...openFigures,
    ...(OPEN_ONLY
      ? {}
      : {
          'view change to rows painted': summarize(viewChanges),
          'sort change to rows painted': summarize(sortChanges),
          'typing to search results painted (customer name)': summarize(typing),
        }),
    'V8 code cache': profileDir === null ? 'no (off-the-record context)' : 'yes (profile on disk)',
    'load average (1 min)': (await import('node:os')).loadavg()[0]?.toFixed(1),
  });
} finally {
  await context.close();
  await browser?.close();
  if (profileDir !== null) rmSync(profileDir, { recursive: true, force: true });
  await Promise.all(hosts.map((host) => host.close()));
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
}
