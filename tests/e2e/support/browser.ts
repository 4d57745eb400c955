import { chromium, type Browser, type BrowserContext } from 'playwright-core';

// Debian's Chromium; Playwright cannot download browsers on these machines (TOOLCHAIN.md).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How every test and benchmark launches Chromium (headless, quiet, no sandbox in containers). */
export const CHROMIUM_LAUNCH = { executablePath: CHROMIUM, args: FLAGS, headless: true };

/** An agent's browser window: language and size. */
export const AGENT_CONTEXT = { locale: 'en-US', viewport: { width: 1366, height: 800 } };

/** One Chromium per test file; Playwright gives it a fresh temporary profile directory. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}

/** A fresh, isolated context per test: no storage, cookies or cache carried over. */
export function newAgentContext(browser: Browser, locale = 'en-US'): Promise<BrowserContext> {
  return browser.newContext({ ...AGENT_CONTEXT, locale });
}
