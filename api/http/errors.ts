/** HTTP-edge errors that are not engine errors (they map through the same table). */
import { LifelineError } from '../../engine/index.js';

export class RequestValidationError extends LifelineError {
  constructor(where: string, issues: { path: PropertyKey[]; message: string }[]) {
    super('VALIDATION_FAILED', `invalid ${where}: ${issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ')}`, {
      issues: issues.map((i) => ({ in: where, path: i.path.map(String).join('.'), message: i.message })),
    });
  }
}

export class MalformedRequestError extends LifelineError {
  constructor(message: string, code = 'MALFORMED_REQUEST') {
    super(code, message);
  }
}
