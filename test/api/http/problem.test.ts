import { expect } from 'chai';
import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import { BpmnValidationError, LifelineError, NotFoundError } from '../../../engine/index.js';
import { problemMiddleware } from '../../../api/http/problem.js';

/** A bare koa app whose only handler throws what the test gives it. */
async function answerTo(error: unknown): Promise<{ status: number; type: string | null; body: any; logged: unknown[] }> {
  const logged: unknown[] = [];
  const app = new Koa();
  app.use(problemMiddleware((e) => logged.push(e)));
  app.use(() => {
    throw error;
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return { status: response.status, type: response.headers.get('content-type'), body: await response.json(), logged };
  } finally {
    server.close();
  }
}

describe('API: problem+json mapping', () => {
  it('should map typed errors to their status with the code and message', async () => {
    const answer = await answerTo(new NotFoundError('task', 't1'));
    expect(answer.status).to.equal(404);
    expect(answer.type).to.contain('application/problem+json');
    expect(answer.body).to.include({ code: 'NOT_FOUND', status: 404, title: 'Not Found', detail: 'task t1 was not found' });
    expect(answer.logged).to.have.length(0);
  });

  it('should list BPMN problems with their element ids', async () => {
    const answer = await answerTo(new BpmnValidationError([{ elementId: 'Task_1', message: 'no outgoing flow' }]));
    expect(answer.status).to.equal(422);
    expect(answer.body.problems).to.deep.equal([{ elementId: 'Task_1', message: 'no outgoing flow' }]);
  });

  it('should answer an unexpected error, or a typed one with no mapping, with a generic 500 and log it', async () => {
    for (const error of [new Error('connection string postgres://user:pw@db'), new LifelineError('SOMETHING_NEW', 'internal detail')]) {
      const answer = await answerTo(error);
      expect(answer.status).to.equal(500);
      expect(answer.body).to.include({ code: 'INTERNAL', status: 500 });
      expect(JSON.stringify(answer.body)).to.not.contain('postgres://').and.not.contain('internal detail').and.not.contain('    at ');
      expect(answer.logged).to.deep.equal([error]);
    }
  });
});
