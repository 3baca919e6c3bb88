/**
 * What one step asks of the world beyond its own instance: messages and
 * signals to deliver, child instances to start or cancel, news for the
 * parent instance. The engine writes it as rows of the instance outbox with
 * the step, and delivers each in a transaction of its own after commit
 * (engine/service/outbox/).
 */
export interface Outbox {
  messages: { name: string; correlationKey: string | null; variables: Record<string, unknown>; elementId: string }[];
  signals: { name: string; variables: Record<string, unknown>; elementId: string }[];
  calls: { executionId: string; elementId: string; processId: string; childInstanceId: string; variables: Record<string, unknown> }[];
  cancelInstances: string[];
  /** Set when the root scope ended this step. */
  ended?: 'completed' | 'terminated';
  /** For call activities: what the parent's waiting activity must hear. */
  toParent: ({ type: 'error'; code: string; message?: string } | { type: 'escalation'; code: string })[];
  /** Errors nobody in this instance catches: incidents, or the parent's problem. */
  unhandledErrors: { code: string; message?: string; elementId: string; executionId: string }[];
}

export function emptyOutbox(): Outbox {
  return { messages: [], signals: [], calls: [], cancelInstances: [], toParent: [], unhandledErrors: [] };
}
