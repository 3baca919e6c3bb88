/** Prometheus text metrics: requests by route and status, with a duration histogram. */
import type Koa from 'koa';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export class Metrics {
  private readonly counts = new Map<string, number>();
  private readonly histograms = new Map<string, { buckets: number[]; sum: number; count: number }>();

  middleware(): Koa.Middleware {
    return async (ctx, next) => {
      const started = process.hrtime.bigint();
      try {
        await next();
      } finally {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const route = (ctx.state.route as string | undefined) ?? (ctx.status === 404 ? 'unmatched' : ctx.path);
        const labels = `method="${ctx.method}",route="${route}",status="${ctx.status}"`;
        this.counts.set(labels, (this.counts.get(labels) ?? 0) + 1);
        const key = `method="${ctx.method}",route="${route}"`;
        const h = this.histograms.get(key) ?? { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
        BUCKETS.forEach((b, i) => {
          if (seconds <= b) h.buckets[i] += 1;
        });
        h.sum += seconds;
        h.count += 1;
        this.histograms.set(key, h);
      }
    };
  }

  render(): string {
    const lines = ['# HELP lifeline_http_requests_total HTTP requests by route and status.', '# TYPE lifeline_http_requests_total counter'];
    for (const [labels, n] of this.counts) lines.push(`lifeline_http_requests_total{${labels}} ${n}`);
    lines.push('# HELP lifeline_http_request_duration_seconds HTTP request durations.', '# TYPE lifeline_http_request_duration_seconds histogram');
    for (const [labels, h] of this.histograms) {
      BUCKETS.forEach((b, i) => lines.push(`lifeline_http_request_duration_seconds_bucket{${labels},le="${b}"} ${h.buckets[i]}`));
      lines.push(`lifeline_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
      lines.push(`lifeline_http_request_duration_seconds_sum{${labels}} ${h.sum}`, `lifeline_http_request_duration_seconds_count{${labels}} ${h.count}`);
    }
    const memory = process.memoryUsage();
    lines.push('# TYPE lifeline_process_heap_bytes gauge', `lifeline_process_heap_bytes ${memory.heapUsed}`);
    return `${lines.join('\n')}\n`;
  }
}

/** Open user tasks per process key and SLA state, as a Prometheus gauge (read at scrape time). */
export function renderSlaMetrics(counts: Record<string, Record<'on_time' | 'at_risk' | 'breached', number>>): string {
  const lines = ['# HELP lifeline_open_tasks Open user tasks by process key and SLA state.', '# TYPE lifeline_open_tasks gauge'];
  for (const [key, states] of Object.entries(counts)) {
    for (const [state, n] of Object.entries(states)) lines.push(`lifeline_open_tasks{definition_key="${key.replace(/["\\\n]/g, '_')}",sla="${state}"} ${n}`);
  }
  return `${lines.join('\n')}\n`;
}
