/**
 * Debian's Chromium through playwright-core, launched once per test file,
 * a fresh context (cookies, storage) per test. Every page collects console
 * errors and warnings, uncaught exceptions and CSP violations; `assertClean`
 * fails the test on any of them that the test did not expect.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Where screenshots go: test-results/screenshots (gitignored), or LIFELINE_SCREENSHOT_DIR (`npm run screenshots`: docs/screenshots). */
const SCREENSHOT_DIR = process.env.LIFELINE_SCREENSHOT_DIR ?? fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
}

/** A page with its console watched. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors/warnings and page errors seen so far. */
  problems: string[];
  /** Allows console messages matching `pattern` (e.g. the browser's own log line for an expected 401). */
  expectConsole(pattern: RegExp): void;
  /** Throws when the page logged anything unexpected. */
  assertClean(): void;
}

export async function openPage(browser: Browser, base: string, viewport = { width: 1280, height: 800 }): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL: base, viewport, acceptDownloads: true });
  // Shorter than mocha's timeout, so a missing element fails with Playwright's own message.
  context.setDefaultTimeout(8000);
  const page = await context.newPage();
  const problems: string[] = [];
  const expected: RegExp[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Leaving a page with unsaved work asks first; tests accept.
  page.on('dialog', (dialog) => void dialog.accept());
  return {
    page,
    context,
    problems,
    expectConsole(pattern) {
      expected.push(pattern);
    },
    assertClean() {
      const unexpected = problems.filter((p) => !expected.some((pattern) => pattern.test(p)));
      if (unexpected.length) throw new Error(`the browser reported problems:\n  ${unexpected.join('\n  ')}`);
    },
  };
}

/** Saves a screenshot of the page as `<name>.png` (see SCREENSHOT_DIR); `fullPage` takes the whole scrolled page. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}
