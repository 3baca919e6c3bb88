/**
 * The designer's work in progress: one BPMN diagram and the forms deployed
 * with it, where it came from, and whether it changed since. Kept in local
 * storage on every change until it is deployed or discarded, so a reload,
 * a crash or a closed tab loses nothing.
 */
export interface WorkspaceForm {
  /** The form's `id` (what a user task's zeebe:formDefinition formId names). */
  id: string;
  schema: Record<string, unknown>;
  /** Deployed exactly like this (opened from the server, or deployed since); only the others go into the next deployment. */
  deployed?: boolean;
}

export interface Workspace {
  xml: string;
  forms: WorkspaceForm[];
  /** The deployed version it was opened from or last deployed as. */
  origin?: { definitionId: string; key: string; version: number };
  /** Changed since it was opened or deployed. */
  dirty: boolean;
  savedAt: string;
}

let DRAFT = 'lifeline.modeler.draft';
let LAST = 'lifeline.modeler.lastDefinition';

/** Drafts belong to the user who made them: another user of the same browser does not see (or deploy) them. */
export function setDraftOwner(userId: string): void {
  DRAFT = `lifeline.modeler.draft.${userId}`;
  LAST = `lifeline.modeler.lastDefinition.${userId}`;
}

/** The unsaved draft, if one is kept. */
export function loadDraft(): Workspace | undefined {
  try {
    const raw = localStorage.getItem(DRAFT);
    const draft = raw ? (JSON.parse(raw) as Workspace) : undefined;
    return draft && typeof draft.xml === 'string' && Array.isArray(draft.forms) ? draft : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a changed workspace (and forgets a clean one: nothing to lose). */
export function saveDraft(workspace: Workspace): void {
  if (workspace.dirty) localStorage.setItem(DRAFT, JSON.stringify({ ...workspace, savedAt: new Date().toISOString() }));
  else localStorage.removeItem(DRAFT);
}

/** Forgets the draft (after deploying or discarding). */
export function discardDraft(): void {
  localStorage.removeItem(DRAFT);
}

/** The definition version to reopen when there is no draft. */
export function lastDefinition(): string | undefined {
  return localStorage.getItem(LAST) ?? undefined;
}

export function rememberDefinition(id: string | undefined): void {
  if (id) localStorage.setItem(LAST, id);
  else localStorage.removeItem(LAST);
}

/** A new, empty form schema (form-js, schema version 16 as the shipped forms). */
export function newFormSchema(id: string): Record<string, unknown> {
  return { id, type: 'default', schemaVersion: 16, components: [] };
}
