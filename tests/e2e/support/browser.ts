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

/** One Chromium per test file; Playwright gives it a fresh temporary profile directory. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** A fresh, isolated context per test: no storage, cookies or cache carried over. */
export function newAgentContext(browser: Browser, locale = 'en-US'): Promise<BrowserContext> {
  return browser.newContext({ locale, viewport: { width: 1366, height: 800 } });
}
