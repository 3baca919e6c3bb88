/**
 * The HTTP load generator, a process of its own (forked by the HTTP driver):
 * the server's process then spends its CPU on serving only, as it would in
 * production, where callers are browsers and workers elsewhere. It answers
 * each job with the latency of every request.
 *
 * Two ways to load the server:
 *  - closed loop: `clients` callers, each sending its next request when the
 *    last one answered (throughput at saturation; latency is then the queue,
 *    clients ÷ throughput);
 *  - paced: requests sent at `rate` per second over at most `clients`
 *    connections, each latency counted from when it was due, not from when
 *    a connection was free (no coordinated omission).
 */
import http from 'node:http';

/** One job from the driver. */
export interface LoadJob {
  base: string;
  headers: Record<string, string>;
  requests: { path: string; body: unknown; expected: number }[];
  clients: number;
  /** Requests per second (paced); closed loop when absent. */
  rate?: number;
}

/** What a job measured. */
export interface LoadResult {
  latencies: number[];
  wallMs: number;
  error?: string;
}

function send(agent: http.Agent, job: LoadJob, r: LoadJob['requests'][number]): Promise<void> {
  const body = JSON.stringify(r.body);
  return new Promise((resolve, reject) => {
    const req = http.request(job.base + r.path, { method: 'POST', agent, headers: { ...job.headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => (response.statusCode === r.expected ? resolve() : reject(new Error(`POST ${r.path}: ${response.statusCode} ${Buffer.concat(chunks).toString()}`))));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function run(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.clients });
  const latencies: number[] = [];
  const t0 = performance.now();
  try {
    if (!job.rate) {
      let next = 0;
      await Promise.all(Array.from({ length: Math.min(job.clients, job.requests.length) }, async () => {
        while (next < job.requests.length) {
          const r = job.requests[next++];
          const s = performance.now();
          await send(agent, job, r);
          latencies.push(performance.now() - s);
        }
      }));
    } else {
      const interval = 1000 / job.rate;
      await Promise.all(job.requests.map(async (r, i) => {
        const due = t0 + i * interval;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        await send(agent, job, r);
        latencies.push(performance.now() - due);
      }));
    }
    return { latencies, wallMs: performance.now() - t0 };
  } finally {
    agent.destroy();
  }
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send!(result),
    (error: Error) => process.send!({ latencies: [], wallMs: 0, error: error.message } satisfies LoadResult),
  );
});
process.send?.({ ready: true });
