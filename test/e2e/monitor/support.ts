/**
 * The monitor's end-to-end world: a card payment process (with a diagram),
 * instances put where a test needs them, and a worker that charges cards
 * and fails a job for good when the card number is missing.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { TestApi } from '../../api/support/apiHarness.js';

export const HOUR = 3_600_000;

/** Deploys a fixture of this folder as the designer would; returns the new definition's id. */
export async function deploy(api: TestApi, file = 'card-payment.bpmn'): Promise<string> {
  const xml = await readFile(new URL(`./fixtures/${file}`, import.meta.url), 'utf8');
  const result = await api.engine.deploy({ name: 'e2e payments', resources: [{ name: file, xml }], actor: 'designer' });
  return result.definitions[0].id;
}

/** Starts a card payment as Erin Employee; it waits at "Check order". */
export async function startPayment(api: TestApi, businessKey: string, variables: Record<string, unknown> = {}): Promise<string> {
  return (await api.engine.startInstance({ definitionKey: 'card-payment', businessKey, variables, actor: 'employee' })).id;
}

/** Erin Employee checks the order: the instance moves on to "Charge card". */
export async function checkOrder(api: TestApi, instanceId: string): Promise<void> {
  const [task] = (await api.engine.listTasks({ instanceId, state: 'created' })).items;
  await api.engine.claimTask(task.id, 'employee');
  await api.engine.completeTask(task.id, {}, 'employee');
}

/** One round of the card worker (Walt Worker): charges what it can; no card number fails the job with no retries left. */
export async function runCardWorker(api: TestApi): Promise<number> {
  const jobs = await api.engine.activateJobs({ type: 'charge-card', worker: 'card-worker', maxJobs: 10, lockDurationMs: 60_000 });
  for (const job of jobs) {
    if (job.variables.cardNumber) await api.engine.completeJob(job.id, { charged: true }, 'worker');
    else await api.engine.failJob(job.id, { retries: 0, errorMessage: 'cardNumber is missing: ask the customer for a card', actor: 'worker' });
  }
  return jobs.length;
}

/** A payment whose charge failed for good: an open incident at "Charge card". */
export async function failingPayment(api: TestApi, businessKey: string): Promise<string> {
  const id = await startPayment(api, businessKey);
  await checkOrder(api, id);
  await runCardWorker(api);
  return id;
}

/** The diagram's shape of an element (bpmn-js marks it with data-element-id). */
export const shape = (page: Page, elementId: string) => page.locator(`.djs-element.djs-shape[data-element-id="${elementId}"]`);

/** The token badges bpmn-js shows over an element. */
export const badges = (page: Page, elementId: string) => page.locator(`.djs-overlays[data-container-id="${elementId}"] .mon-token`);

/** Whether the page scrolls sideways (it should not, at any width). */
export const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
