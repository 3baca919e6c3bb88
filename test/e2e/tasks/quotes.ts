/**
 * The task list tests' own process: "Quote request", whose task "Prepare
 * quote" goes to group support (employee, specialist and others), is due a
 * day after it starts (its SLA: at risk after 12 hours, breached after a
 * day), and has a form with a required amount (at least 1) and a required
 * note (at least 5 characters).
 */
import { readFile } from 'node:fs/promises';
import type { TestApi } from '../../api/support/apiHarness.js';

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

export async function deployQuotes(api: TestApi): Promise<void> {
  await api.engine.deploy({
    name: 'quotes',
    actor: 'designer',
    resources: [{ name: 'quote-request.bpmn', xml: await fixture('quote-request.bpmn') }],
    forms: [{ name: 'prepare-quote.form', json: await fixture('prepare-quote.form') }],
  });
}

/** Starts a quote request for a customer; returns its task's id. */
export async function startQuote(api: TestApi, businessKey: string, o: { request?: string; urgent?: boolean } = {}): Promise<string> {
  const instance = await api.engine.startInstance({ definitionKey: 'quoteRequest', businessKey, variables: { request: o.request ?? `Quote for ${businessKey}`, urgent: o.urgent ?? false }, actor: 'employee' });
  return (await api.engine.listTasks({ instanceId: instance.id })).items[0].id;
}
