/**
 * The campaign figures of `npm run bench` (issue 7): how long the shipped
 * campaign takes to start (every invitee's instance and invitation job
 * written) for 1,000 and 10,000 invitees, and the engine process's memory.
 * Each size runs in a child process of its own, so its peak memory (max RSS)
 * is its own; the database is a separate process. Targets: 10,000 invitees
 * in under 10 s with the process under 400 MB, time growing linearly.
 *
 *   node --import tsx bench/campaign.ts            # both sizes, in child processes
 *   node --import tsx bench/campaign.ts 10000      # one size, in this process
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Engine, ControllableClock, manualScheduler } from '../engine/index.js';
import { openBenchDatabase } from './benchDatabase.js';

export interface CampaignFigure {
  invitees: number;
  startMs: number;
  maxRssMiB: number;
  instances: number;
  jobs: number;
}

/** Starts one campaign of `n` invitees on a fresh database and measures it. */
async function measure(n: number): Promise<CampaignFigure> {
  const db = await openBenchDatabase();
  try {
    const clock = new ControllableClock('2026-02-02T09:00:00Z');
    const engine = new Engine({ store: db.store, clock, scheduler: manualScheduler, directory: 'store' });
    await engine.saveCalendar({ name: 'office', isDefault: true, definition: { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:00' }, holidays: [] } });
    const folder = new URL('../processes/', import.meta.url);
    const files = (await readdir(folder)).filter((f) => f.startsWith('campaign-') && f.endsWith('.bpmn'));
    await engine.deploy({ resources: await Promise.all(files.map(async (name) => ({ name, xml: await readFile(new URL(name, folder), 'utf8') }))) });
    const invitees = Array.from({ length: n }, (_, i) => ({ id: `CUST-${i}`, name: `Customer ${i}`, email: `customer${i}@example.com`, salesOwner: 'sarah' }));
    const variables = { event: { id: 'fair', name: 'Spring fair', date: '2026-03-20', place: 'Hall 1', budget: 5000 }, invitees };
    const t0 = performance.now();
    await engine.startInstance({ definitionKey: 'campaign-invitation', businessKey: 'fair', variables });
    const startMs = performance.now() - t0;
    const count = async (table: string) => Number((await db.knex(table).count<{ c: number }[]>('* as c'))[0].c);
    return { invitees: n, startMs, maxRssMiB: process.resourceUsage().maxRSS / 1024, instances: await count('process_instances'), jobs: await count('jobs') };
  } finally {
    await db.close();
  }
}

/** Both sizes, each in a child process; returns the figures and prints them. */
export function campaignFigures(sizes = [1000, 10_000]): CampaignFigure[] {
  const script = fileURLToPath(import.meta.url);
  const figures = sizes.map((n) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script, String(n)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: process.env }).trim().split('\n').pop()!) as CampaignFigure);
  for (const f of figures) {
    console.log(`campaign start        ${String(f.invitees).padStart(6)} invitees: ${(f.startMs / 1000).toFixed(2)} s (${(f.startMs / f.invitees).toFixed(2)} ms per invitee), engine process max RSS ${f.maxRssMiB.toFixed(0)} MiB; ${f.instances} instances, ${f.jobs} invitation jobs`);
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2]);
  if (n > 0) {
    measure(n).then(
      (figure) => {
        console.log(JSON.stringify(figure));
        process.exit(0);
      },
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  } else {
    campaignFigures();
  }
}
