/**
 * Hears every change of a user task in this database schema, whichever
 * engine process made it: the trigger of migration 081 NOTIFYs on
 * `lifeline_task_changes` at commit, and this listener holds one dedicated
 * connection that LISTENs there (LISTEN needs a session of its own, so it
 * cannot borrow pooled connections). A lost connection (database restart,
 * network) is re-opened with a growing pause; `onReconnect` then tells the
 * caller that changes may have been missed meanwhile.
 */
import type { Knex } from 'knex';
import type pg from 'pg';

const CHANNEL = 'lifeline_task_changes';
const RETRY_MS = [250, 1000, 3000, 10_000];

/** One changed task, as far as deciding who may see it needs. */
export interface TaskChange {
  taskId: string;
  instanceId: string;
  state: string;
  assignee: string | null;
  /** The assignee before an update (null on insert). */
  previousAssignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  /** True when the payload was too big to carry assignee and candidates (treat as visible to everyone). */
  partial: boolean;
}

export interface TaskChangeListener {
  /** Stops listening and closes the connection. */
  close(): Promise<void>;
}

export interface TaskChangeHandlers {
  onChange(change: TaskChange): void;
  /** Listening resumed after the connection was lost: changes may have been missed. */
  onReconnect?(): void;
  /** The connection failed (it is re-opened); for logging. */
  onError?(error: Error): void;
}

type Payload = { s: string; id: string; i: string; st: string; a?: string | null; pa?: string | null; g?: string[]; u?: string[]; big?: boolean };

/** Parses a notification of the trigger; undefined for another schema's or a malformed one. */
export function parseTaskChange(text: string | undefined, schema: string): TaskChange | undefined {
  let payload: Payload;
  try {
    payload = JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
  if (payload.s !== schema || typeof payload.id !== 'string') return undefined;
  return {
    taskId: payload.id,
    instanceId: payload.i,
    state: payload.st,
    assignee: payload.a ?? null,
    previousAssignee: payload.pa ?? null,
    candidateGroups: payload.g ?? [],
    candidateUsers: payload.u ?? [],
    partial: payload.big === true,
  };
}

type RawClient = { acquireRawConnection(): Promise<pg.Client>; destroyRawConnection(connection: pg.Client): Promise<void> };

/**
 * Starts listening on a connection of `knex`'s database and schema; resolves
 * once LISTEN is active, so no change committed after that is missed.
 */
export async function listenForTaskChanges(knex: Knex, handlers: TaskChangeHandlers): Promise<TaskChangeListener> {
  const client = knex.client as unknown as RawClient;
  let connection: pg.Client | undefined;
  let closed = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;

  const open = async (): Promise<void> => {
    const next = await client.acquireRawConnection();
    try {
      const { rows } = await next.query<{ schema: string }>('select current_schema() as schema');
      const schema = rows[0].schema;
      next.on('notification', (message) => {
        if (message.channel !== CHANNEL) return;
        const change = parseTaskChange(message.payload, schema);
        if (change) handlers.onChange(change);
      });
      next.on('error', (error) => lost(next, error));
      next.on('end', () => lost(next, new Error('the listening connection ended')));
      await next.query(`listen ${CHANNEL}`);
    } catch (error) {
      await client.destroyRawConnection(next).catch(() => {});
      throw error;
    }
    if (closed) return void (await client.destroyRawConnection(next).catch(() => {}));
    connection = next;
    failures = 0;
  };

  const reopen = () => {
    retry = undefined;
    if (closed) return;
    open().then(
      () => handlers.onReconnect?.(),
      (error: Error) => {
        handlers.onError?.(error);
        schedule();
      },
    );
  };
  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(reopen, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]);
    retry.unref();
  };
  const lost = (which: pg.Client, error: Error) => {
    if (connection !== which) return;
    connection = undefined;
    client.destroyRawConnection(which).catch(() => {});
    if (closed) return;
    handlers.onError?.(error);
    schedule();
  };

  await open();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const last = connection;
      connection = undefined;
      if (last) await client.destroyRawConnection(last).catch(() => {});
    },
  };
}
