import type { Problem } from '../ir/types.js';

/** Base of every error Lifeline raises on purpose. `code` is stable and mapped to HTTP in one place. */
export class LifelineError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A BPMN model the engine cannot run exactly as drawn. Lists every problem with its element id. */
export class BpmnValidationError extends LifelineError {
  constructor(readonly problems: Problem[]) {
    super(
      'BPMN_INVALID',
      `The model has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ` +
        problems.map((p) => (p.elementId ? `${p.elementId}: ${p.message}` : p.message)).join('; '),
      { problems },
    );
  }
}

/** Input that is well-formed but not acceptable (bad variables, bad expression result...). */
export class ValidationError extends LifelineError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('VALIDATION_FAILED', message, details);
  }
}

/** The thing asked for does not exist. */
export class NotFoundError extends LifelineError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} ${id} was not found`, { what, id });
  }
}

/** The request contradicts the current state (task claimed by someone else, instance ended...). */
export class ConflictError extends LifelineError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('CONFLICT', message, details);
  }
}

/** A start used a version of a process it remembered as the newest, and a newer one had been deployed meanwhile (the start is run again). */
export class StaleDefinitionError extends ConflictError {
  constructor(message: string) {
    super(message, { reason: 'stale_definition' });
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends LifelineError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}

/** The caller is not known. */
export class UnauthorizedError extends LifelineError {
  constructor(message = 'Log in first') {
    super('UNAUTHORIZED', message);
  }
}

/** A message was published that nothing waits for. */
export class MessageNotCorrelatedError extends LifelineError {
  constructor(name: string, correlationKey?: string) {
    super(
      'MESSAGE_NOT_CORRELATED',
      `No process waits for message '${name}'${correlationKey === undefined ? '' : ` with correlation key '${correlationKey}'`}`,
      { name, correlationKey },
    );
  }
}
