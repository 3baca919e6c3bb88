/**
 * Measures timed phases of a scenario run: wall time, latencies, statements
 * and round trips, Node CPU (this process, or a given child engine) and
 * PostgreSQL CPU. Work between phases (listing the tasks to complete) is
 * not measured.
 */
import { wireCounts, wireSince, type WireCounts } from '../../db/index.js';
import { nodeCpuMs, postgresCpuMs } from './cpu.js';

/** What one run of a scenario measured, summed over its phases. */
export interface RunFigures {
  instances: number;
  /** Steps per instance (start, complete): round trips and statements are given per step. */
  steps: number;
  wallMs: number;
  latencies: Record<string, number[]>;
  wire: WireCounts;
  nodeCpuMs: number;
  postgresCpuMs: number | undefined;
}

/** Collects phases into one RunFigures. */
export class Meter {
  readonly figures: RunFigures;
  private mark?: { wire: WireCounts; node: number; pg: number | undefined; t: number };

  constructor(instances: number, steps: number, private readonly postmaster: number | undefined, private readonly cpuOf: () => number = nodeCpuMs) {
    this.figures = { instances, steps, wallMs: 0, latencies: {}, wire: { statements: 0, control: 0, roundTrips: 0 }, nodeCpuMs: 0, postgresCpuMs: postmaster ? 0 : undefined };
  }

  /** Starts a phase (for phases run elsewhere, such as the HTTP load generator). */
  begin(): void {
    this.mark = { wire: wireCounts(), node: this.cpuOf(), pg: postgresCpuMs(this.postmaster), t: performance.now() };
  }

  /** Ends the phase begun last, recording its latencies under `name`. */
  end(name: string, latencies: number[]): void {
    const mark = this.mark!;
    const f = this.figures;
    f.wallMs += performance.now() - mark.t;
    const wire = wireSince(mark.wire);
    f.wire.statements += wire.statements;
    f.wire.control += wire.control;
    f.wire.roundTrips += wire.roundTrips;
    f.nodeCpuMs += this.cpuOf() - mark.node;
    const pg = postgresCpuMs(this.postmaster);
    if (f.postgresCpuMs !== undefined && pg !== undefined && mark.pg !== undefined) f.postgresCpuMs += pg - mark.pg;
    (f.latencies[name] ??= []).push(...latencies);
  }

  /** Runs one phase here. */
  async phase(name: string, work: () => Promise<{ latencies: number[] }>): Promise<void> {
    this.begin();
    const { latencies } = await work();
    this.end(name, latencies);
  }
}
