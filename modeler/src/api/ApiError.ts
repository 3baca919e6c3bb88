/**
 * A problem+json answer of the server as an exception: its stable `code`,
 * the human `detail` to show, and for BPMN deployments the problems with
 * element ids.
 */
import type { ProblemBody } from './schema.gen';

/** One problem of a BPMN model, on an element or on the whole file. */
export interface ModelProblem {
  elementId?: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly problems: ModelProblem[];
  /** The problem's `details`, e.g. `fields` of FORM_INVALID (see `fieldProblems`). */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, detail: string, problems: ModelProblem[] = [], details: Record<string, unknown> = {}) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.problems = problems;
    this.details = details;
  }

  /** A form the server refused (422 FORM_INVALID): the message per field key. */
  get fieldProblems(): { field: string; message: string }[] {
    const fields = this.details.fields;
    return Array.isArray(fields) ? fields.filter((f) => f && typeof f.field === 'string' && typeof f.message === 'string') : [];
  }

  /** From whatever the server answered: a problem document, or (a proxy's error page, a network failure) nothing usable. */
  static from(status: number, body: unknown): ApiError {
    const problem = (body && typeof body === 'object' ? body : {}) as Partial<ProblemBody>;
    const problems = (problem.problems ?? []).map((p) => ({ elementId: p.elementId, message: p.message ?? '' }));
    const detail = typeof problem.detail === 'string' && problem.detail ? problem.detail : status === 0 ? 'The server cannot be reached.' : `The server answered ${status}.`;
    const details = (problem as { details?: unknown }).details;
    return new ApiError(status, typeof problem.code === 'string' ? problem.code : 'UNKNOWN', detail, problems, details && typeof details === 'object' ? (details as Record<string, unknown>) : {});
  }
}
