/**
 * End-to-end tests: the real server (api/server.ts) on a fresh schema with
 * the demo users and processes and a ControllableClock (the API harness),
 * the built app (built once if stale), and one Chromium per test file.
 *
 *   const e2e = useE2e();                       // in a describe()
 *   const { page } = await e2e.open();          // a fresh browser context
 *   await e2e.logIn(page, 'designer');          // through the login form
 *   ... ; e2e.assertClean();                    // in afterEach: no console errors
 */
import type { Browser, Page } from 'playwright-core';
import { ensureAppBuilt } from '../../../api/static/index.js';
import { startTestApi, type TestApi } from '../../api/support/apiHarness.js';
import { launchChromium, openPage, type WatchedPage } from './browser.js';

export interface E2e {
  api: TestApi;
  browser: Browser;
  /** A new page (own cookies and storage) at 1280×800 or the given viewport. */
  open(viewport?: { width: number; height: number }): Promise<WatchedPage>;
  /** Logs in through the form (navigates to /login first unless already there). */
  logIn(page: Page, username: string, password?: string): Promise<void>;
}

/** Registers before/after hooks for a describe block; the pages opened in a test are checked and closed after it. */
export function useE2e(): E2e {
  const opened: WatchedPage[] = [];
  const e2e = {} as E2e;
  before(async function () {
    this.timeout(120_000);
    await ensureAppBuilt();
    e2e.browser = await launchChromium();
  });
  beforeEach(async () => {
    e2e.api = await startTestApi();
    // The browser judges cookie expiry by the real date: start the controllable clock at it, or session cookies arrive already expired.
    if (e2e.api.clock.now().getTime() < Date.now()) e2e.api.clock.set(new Date());
  });
  afterEach(async function () {
    const pages = opened.splice(0);
    try {
      if (this.currentTest?.state === 'passed') for (const watched of pages) watched.assertClean();
    } finally {
      for (const watched of pages) await watched.context.close().catch(() => {});
      await e2e.api?.close();
    }
  });
  after(async () => {
    await e2e.browser?.close();
  });
  e2e.open = async (viewport) => {
    const watched = await openPage(e2e.browser, e2e.api.base, viewport);
    opened.push(watched);
    return watched;
  };
  e2e.logIn = async (page, username, password = 'demo') => {
    if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  };
  return e2e;
}
