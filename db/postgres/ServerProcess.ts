/**
 * A supervised PostgreSQL server: started as a child in its own process
 * group (a Ctrl-C in the terminal reaches Lifeline, which stops the server
 * in order, not the server first), restarted if it dies, and watched by a
 * tiny guardian (`sh`) that stops it if Lifeline itself is killed
 * (SIGKILL leaves children running): no orphan server stays behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Binaries } from './binaries.js';

/** The guardian: waits while both Lifeline and the server live; if Lifeline went first, stops the server (fast, then immediate). */
const GUARDIAN = `
parent=$1; pg=$2
while kill -0 "$parent" 2>/dev/null && kill -0 "$pg" 2>/dev/null; do sleep 1; done
if kill -0 "$pg" 2>/dev/null; then
  kill -INT "$pg" 2>/dev/null; i=0
  while kill -0 "$pg" 2>/dev/null && [ $i -lt 40 ]; do sleep 0.25; i=$((i+1)); done
  kill -QUIT "$pg" 2>/dev/null
fi`;

/** Options of ServerProcess. */
export interface ServerProcessOptions {
  binaries: Binaries;
  dataDir: string;
  port: number;
  owner: { uid?: number; gid?: number };
  /** Extra server settings (-c name=value). */
  settings?: Record<string, string>;
  log: (line: string) => void;
  /** Told when the server died and when it is back (supervision). */
  onEvent?: (event: 'died' | 'restarted' | 'restart-failed', detail: string) => void;
}

export class ServerProcess {
  private child?: ChildProcess;
  private stopping = false;
  /** How many times the server was started again after it died. */
  restarts = 0;

  constructor(private readonly options: ServerProcessOptions) {}

  /** The server's pid while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server; resolves once it accepts connections. */
  async start(): Promise<void> {
    this.stopping = false;
    const { binaries, dataDir, port, owner, settings, log } = this.options;
    const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', ...Object.entries(settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    const child = spawn(binaries.postgres, args, { ...owner, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
    this.child = child;
    const recent: string[] = [];
    await new Promise<void>((resolve, reject) => {
      let ready = false;
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        log(text);
        if (!ready) {
          recent.push(text.trim());
          if (recent.length > 20) recent.shift();
        }
        if (!ready && text.includes('database system is ready to accept connections')) {
          ready = true;
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        if (!ready) reject(new Error(`PostgreSQL exited while starting (code ${code}, signal ${signal}):\n${recent.filter(Boolean).join('\n')}`));
        else this.exited(child, code, signal);
      });
    });
    this.guard(child.pid!);
  }

  private guard(pid: number): void {
    const guardian = spawn('/bin/sh', ['-c', GUARDIAN, 'lifeline-pg-guardian', String(process.pid), String(pid)], { detached: true, stdio: 'ignore' });
    guardian.on('error', (error) => this.options.log(`guardian did not start: ${error.message}`));
    guardian.unref();
  }

  /** The server died on its own: start it again, with a growing pause while it keeps failing. */
  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping || child !== this.child) return;
    this.child = undefined;
    this.options.onEvent?.('died', `code ${code}, signal ${signal}`);
    void this.restart(1);
  }

  private async restart(attempt: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 5_000)));
    if (this.stopping) return;
    try {
      await this.start();
      this.restarts += 1;
      this.options.onEvent?.('restarted', `attempt ${attempt}`);
    } catch (error) {
      this.options.onEvent?.('restart-failed', (error as Error).message);
      if (!this.stopping) void this.restart(attempt + 1);
    }
  }

  /** Fast shutdown (open connections get 57P01); immediate after 10 s. Harmless twice. */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGQUIT'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
