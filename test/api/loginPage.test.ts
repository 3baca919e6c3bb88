import { expect } from 'chai';
import pino from 'pino';
import { createServer } from '../../api/server.js';
import { loadConfig } from '../../api/config.js';
import { startTestApi, type TestApi } from './support/apiHarness.js';

describe('API: what the login page asks', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi();
  });
  afterEach(() => api.close());

  it('should answer the session with null for nobody and with the user after login, never with 401', async () => {
    // when
    const anonymous = await api.anonymous.get('/api/auth/session');
    const designer = await (await api.as('designer')).get('/api/auth/session');
    // then
    expect(anonymous.status).to.equal(200);
    expect(anonymous.body).to.deep.equal({ user: null });
    expect(designer.body.user).to.deep.include({ id: 'designer', displayName: 'Dana Designer', roles: ['designer'] });
  });

  it('should list the demo users while demo data is on', async () => {
    const response = await api.anonymous.get('/api/auth/demo-users');
    expect(response.status).to.equal(200);
    expect(response.body.password).to.equal('demo');
    expect(response.body.users.map((u: { id: string }) => u.id)).to.include.members(['admin', 'designer', 'manager', 'employee']);
  });

  it('should not tell anyone the user names when demo data is off', async () => {
    // given: the same database, served with DEMO_DATA=false
    const config = loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false' });
    const server = createServer({ engine: api.engine, knex: api.db.knex, clock: api.clock, config }, pino({ level: 'silent' }));
    const { port } = await server.listen(0);
    try {
      // when
      const response = await fetch(`http://127.0.0.1:${port}/api/auth/demo-users`);
      // then
      expect(response.status).to.equal(404);
      expect(response.headers.get('content-type')).to.contain('application/problem+json');
    } finally {
      await server.close();
    }
  });
});
