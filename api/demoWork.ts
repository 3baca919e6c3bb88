/**
 * A first day of work for `npm start`'s demo data: on a database where
 * nothing has run yet, a few customer requests (one critical, one already
 * claimed by Erin Employee), a service renewal coming due and a planned
 * event with its invitees, started through the engine with the values
 * their start forms would send (the event eight weeks ahead, so its
 * preparation is not overdue from the start). The task list, the monitor
 * and the reports then show something the first time one logs in. Started
 * once: nothing is added when any instance exists (a restart, or a database
 * in use).
 */
import type { Engine, JsonObject } from '../engine/index.js';

const DAY_MS = 86_400_000;

/** The calendar day `days` after `now`, as a form's date field holds it (YYYY-MM-DD, UTC). */
const dayAfter = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** What the demo starts: process key, start form values, and who claims the first task. */
function demoStarts(now: Date): { key: string; variables: JsonObject; claimBy?: string }[] {
  const request = (customer: string, contactName: string, summary: string, details: string, severity: 'normal' | 'critical') => ({
    key: 'support-escalation',
    variables: { customer, contactName, customerEmail: `${contactName.split(' ')[0].toLowerCase()}@${customer.split('-')[0].toLowerCase()}.example`, summary, details, severity },
  });
  return [
    { ...request('ACME-1001', 'Ann Arbor', 'Invoice is wrong', 'Billed twice for the November licence.', 'normal'), claimBy: 'employee' },
    request('GLOBEX-2002', 'Gil Bates', 'Production line stopped', 'Order import fails with error 500 since this morning.', 'critical'),
    request('INITECH-3003', 'Peter Gibbons', 'Cannot log in', 'Password reset mail never arrives.', 'normal'),
    request('HOOLI-4004', 'Gavin Belson', 'Asks for a quote', 'Wants 50 more seats from January.', 'normal'),
    { key: 'renewal-reminder', variables: { customer: 'UMBRELLA-77', serviceEnd: dayAfter(now, 20), period: 'P1Y', responsible: 'employee', accountManager: 'alex' } },
    {
      key: 'campaign-invitation',
      variables: {
        event: { id: 'customer-day', name: 'Customer day', date: dayAfter(now, 56), place: 'Berlin, Hall 2', budget: 8000 },
        reminderAfter: 'P7D',
        invitees: [
          { id: 'ACME-1001', name: 'Ann Arbor', email: 'ann@acme.example', salesOwner: 'sarah' },
          { id: 'GLOBEX-2002', name: 'Gil Bates', email: 'gil@globex.example', salesOwner: 'sarah' },
          { id: 'INITECH-3003', name: 'Peter Gibbons', email: 'peter@initech.example', salesOwner: '' },
        ],
      },
    },
  ];
}

/** Starts the demo work unless any instance exists; answers how many instances it started. */
export async function seedDemoWork(engine: Engine, now: Date): Promise<number> {
  if ((await engine.listInstances({ limit: 1 })).total > 0) return 0;
  const starts = demoStarts(now);
  for (const { key, variables, claimBy } of starts) {
    const instance = await engine.startInstance({ definitionKey: key, variables, actor: 'employee' });
    if (!claimBy) continue;
    const [first] = (await engine.listTasks({ instanceId: instance.id, state: 'created' })).items;
    if (first) await engine.claimTask(first.id, claimBy);
  }
  return starts.length;
}
