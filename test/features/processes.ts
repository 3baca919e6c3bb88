/**
 * The shipped models in processes/, as deploy resources, and an engine set
 * up the way `npm start` sets it up: the demo people (with groups, email
 * addresses and managers), the default business calendar, and the models.
 */
import { readFile, readdir } from 'node:fs/promises';
import { seedDemo } from '../../api/seed.js';
import { createTestEngine, type TestEngine } from '../engine/support/engineHarness.js';
import { EmailWorker, MailTemplates } from '../../workers/index.js';

const folder = new URL('../../processes/', import.meta.url);

export async function shippedResources(): Promise<{ resources: { name: string; xml: string }[]; forms: { name: string; json: string }[] }> {
  const files = (await readdir(folder)).sort();
  const read = (name: string) => readFile(new URL(name, folder), 'utf8');
  return {
    resources: await Promise.all(files.filter((f) => f.endsWith('.bpmn')).map(async (name) => ({ name, xml: await read(name) }))),
    forms: await Promise.all(files.filter((f) => f.endsWith('.form')).map(async (name) => ({ name, json: await read(name) }))),
  };
}

/** An engine on a fresh schema with the demo data of `npm start`, its clock at `start`. */
export async function lifecycleEngine(start: string): Promise<TestEngine> {
  const t = await createTestEngine({ directory: 'store', start });
  await seedDemo(t.db.knex, t.engine, t.clock.now());
  return t;
}

/** The built-in email worker without SMTP (mails go to the outbox): one round. */
export async function runMailer(t: TestEngine): Promise<void> {
  await new EmailWorker({ engine: t.engine, mailer: null, templates: new MailTemplates(), from: 'lifeline@lifeline.test' }).runOnce();
}

/** The notification types in a user's inbox, newest first. */
export async function inbox(t: TestEngine, user: string): Promise<{ type: string; title: string }[]> {
  return (await t.engine.listNotifications({ userId: user })).items.map((n) => ({ type: n.type, title: n.title }));
}
