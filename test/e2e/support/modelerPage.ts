/**
 * Helpers for driving the modeler page: open it as a designer, reach
 * bpmn-js services in the page (drawing through the modeling API), read
 * what the status line says.
 */
import type { Page } from 'playwright-core';
import type { E2e } from './e2eHarness.js';
import type { WatchedPage } from './browser.js';

/** Logs in as the designer and waits until the modeler has a diagram. */
export async function openModeler(e2e: E2e, viewport?: { width: number; height: number }): Promise<WatchedPage> {
  const watched = await e2e.open(viewport);
  await e2e.logIn(watched.page, 'designer');
  await watched.page.waitForURL('**/modeler**');
  await modelerReady(watched.page);
  return watched;
}

/** Waits for the modeler's canvas with a diagram on it. */
export async function modelerReady(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as any).lifelineModeler && document.querySelector('.djs-container .djs-element')));
}

/** The status line (success, info, error) once it says something matching `pattern`. */
export async function statusText(page: Page, pattern: RegExp): Promise<string> {
  const status = page.locator('.modeler-status').filter({ hasText: pattern });
  await status.waitFor();
  return (await status.textContent()) ?? '';
}

/** Selects an element on the canvas by clicking it, as a designer would. */
export async function clickElement(page: Page, id: string): Promise<void> {
  await page.locator(`.djs-element.djs-shape[data-element-id="${id}"]`).click();
  await page.waitForFunction((elementId) => (window as any).lifelineModeler.get('selection').get().some((e: any) => e.id === elementId), id);
}

/** The ids of the elements the engine's problems are marked on. */
export function markedElements(page: Page): Promise<string[]> {
  return page.$$eval('.djs-element.lifeline-problem', (elements) => elements.map((e) => e.getAttribute('data-element-id')!).sort());
}
