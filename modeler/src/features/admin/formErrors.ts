/**
 * The server's verdict on a form, per field: a 400 VALIDATION_FAILED names
 * each bad field (`details.issues[].path`); anything else is a message for
 * the whole form.
 */
import { ApiError } from '../../api';

export interface FormErrors {
  /** Messages by body field name (e.g. `id`, `password`, `roles`). */
  fields: Record<string, string>;
  /** What cannot be placed on a field. */
  general?: string;
}

export function formErrors(failure: unknown, known: string[]): FormErrors {
  if (failure instanceof ApiError && failure.code === 'VALIDATION_FAILED' && Array.isArray(failure.details.issues)) {
    const fields: Record<string, string> = {};
    const rest: string[] = [];
    for (const issue of failure.details.issues as { path: string; message: string }[]) {
      const field = issue.path.split('.')[0];
      if (known.includes(field)) fields[field] ??= issue.message;
      else rest.push(`${issue.path || 'request'}: ${issue.message}`);
    }
    return { fields, general: rest.length ? rest.join('; ') : undefined };
  }
  return { fields: {}, general: (failure as Error).message };
}
