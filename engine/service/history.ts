/** History lines written by engine services rather than by the runtime (job failures, claims, assignments, incidents). */
import type { HistoryEventRecord, JsonObject } from '../store/records.js';

/** A history line that is not produced by the runtime (job failures, task claims...). */
export function historyNote(instanceId: string, at: Date, type: string, elementId: string | null, data: JsonObject | null, actor: string | null = null): HistoryEventRecord {
  return { instanceId, type, elementId, elementType: null, activityInstanceId: null, at, actor, data };
}
