import { expect } from 'chai';
import pino from 'pino';
import { createServer, type LifelineServer } from '../../api/server.js';
import { loadConfig } from '../../api/config.js';
import { sharedSessionSecret } from '../../db/index.js';
import { startTestApi, type TestApi } from './support/apiHarness.js';

const json = { 'content-type': 'application/json' };

/** Issue 9, "Access": what an attacker tried, and what now stops them. */
describe('API: security', () => {
  let api: TestApi;
  const extra: LifelineServer[] = [];
  beforeEach(async () => {
    api = await startTestApi();
  });
  afterEach(async () => {
    for (const server of extra.splice(0)) await server.close();
    await api.close();
  });

  /** Another server process on the same database (same config as the harness). */
  async function secondServer(sessionSecret?: string): Promise<string> {
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), ...(sessionSecret ? { sessionSecret } : {}) };
    const server = createServer({ engine: api.engine, knex: api.db.knex, clock: api.clock, config }, pino({ level: 'silent' }));
    extra.push(server);
    const { port } = await server.listen(0);
    return `http://127.0.0.1:${port}`;
  }

  const login = (base: string, username: string, password: string) =>
    fetch(`${base}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password }) });

  describe('login rate limit', () => {
    it('should answer 429 with Retry-After after five wrong passwords, even for the right one, counted across processes', async () => {
      // given: four failures on one process, one on another
      const other = await secondServer();
      for (let i = 0; i < 4; i++) expect((await login(api.base, 'employee', `wrong-${i}`)).status).to.equal(401);
      expect((await login(other, 'employee', 'wrong-4')).status).to.equal(401);
      // when
      const sixth = await login(api.base, 'employee', 'wrong-5');
      const right = await login(other, 'employee', 'demo');
      // then
      expect(sixth.status).to.equal(429);
      expect(Number(sixth.headers.get('retry-after'))).to.be.greaterThan(0);
      expect((await sixth.json()).code).to.equal('TOO_MANY_ATTEMPTS');
      expect(right.status).to.equal(429);
      expect((await login(api.base, 'manager', 'demo')).status, 'another user is not blocked').to.equal(200);
    });

    it('should clear the count of a name after a successful login', async () => {
      for (let i = 0; i < 4; i++) await login(api.base, 'designer', 'wrong');
      expect((await login(api.base, 'designer', 'demo')).status).to.equal(200);
      for (let i = 0; i < 4; i++) expect((await login(api.base, 'designer', 'wrong')).status).to.equal(401);
    });
  });

  describe('CSRF', () => {
    let cookie: string;
    beforeEach(async () => {
      cookie = ((await login(api.base, 'manager', 'demo')).headers.get('set-cookie') ?? '').split(';')[0];
    });

    it('should refuse a cookie-authenticated change without X-Requested-With, such as a cross-origin text/plain form post', async () => {
      // when: what a hostile page can send with the victim's cookie
      const response = await fetch(`${api.base}/api/signals`, { method: 'POST', headers: { cookie, 'content-type': 'text/plain' }, body: '{"name":"x"}' });
      // then
      expect(response.status).to.equal(403);
      expect((await response.json()).code).to.equal('CSRF_REJECTED');
    });

    it('should refuse a cross-site Origin or Sec-Fetch-Site even with the header', async () => {
      const headers = { cookie, ...json, 'x-requested-with': 'lifeline' };
      const origin = await fetch(`${api.base}/api/signals`, { method: 'POST', headers: { ...headers, origin: 'https://evil.example' }, body: '{"name":"x"}' });
      const site = await fetch(`${api.base}/api/signals`, { method: 'POST', headers: { ...headers, 'sec-fetch-site': 'cross-site' }, body: '{"name":"x"}' });
      expect([origin.status, site.status]).to.deep.equal([403, 403]);
    });

    it('should accept the app\'s requests (header, same origin) and token requests without the header', async () => {
      const app = await fetch(`${api.base}/api/signals`, { method: 'POST', headers: { cookie, ...json, 'x-requested-with': 'lifeline', origin: api.base, 'sec-fetch-site': 'same-origin' }, body: '{"name":"x"}' });
      expect(app.status).to.equal(200);
      const worker = await api.withToken('worker');
      expect((await worker.post('/api/signals', { name: 'x' })).status).to.equal(200);
    });
  });

  describe('security headers', () => {
    it('should send nosniff, frame denial, a referrer policy and a deny-all CSP on JSON and problem answers', async () => {
      for (const path of ['/api/openapi.json', '/api/me', '/api/nothing']) {
        const response = await fetch(`${api.base}${path}`);
        expect(response.headers.get('x-content-type-options'), path).to.equal('nosniff');
        expect(response.headers.get('x-frame-options'), path).to.equal('DENY');
        expect(response.headers.get('referrer-policy'), path).to.equal('no-referrer');
        expect(response.headers.get('content-security-policy'), path).to.equal("default-src 'none';frame-ancestors 'none'");
      }
    });

    it('should let an HTML page set its own policy: the API docs may use their inline styles', async () => {
      const docs = await fetch(`${api.base}/api/docs`);
      expect(docs.headers.get('content-security-policy')).to.contain("style-src 'unsafe-inline'").and.to.contain("frame-ancestors 'none'");
    });
  });

  describe('API tokens', () => {
    it('should refuse a token after it expires', async () => {
      // given
      const worker = await api.as('worker');
      const created = await worker.post('/api/tokens', { name: 'short', scope: 'worker', expiresInDays: 1 });
      expect(created.status).to.equal(201);
      const call = () => fetch(`${api.base}/api/me`, { headers: { authorization: `Bearer ${created.body.secret}` } });
      expect((await call()).status).to.equal(200);
      // when
      api.clock.advance(24 * 3_600_000 + 1);
      // then
      expect((await call()).status).to.equal(401);
    });

    it('should give a token 90 days unless asked for less, and never more', async () => {
      const worker = await api.as('worker');
      const token = (await worker.post('/api/tokens', { name: 'long', expiresInDays: 3000 })).body;
      expect(new Date(token.expiresAt).getTime() - new Date(token.createdAt).getTime()).to.equal(90 * 86_400_000);
    });
  });

  describe('sessions', () => {
    it('should end every session of a user whose password an admin changed', async () => {
      // given
      const employee = await api.as('employee');
      const admin = await api.as('admin');
      // when
      expect((await admin.patch('/api/users/employee', { password: 'a new secret' })).status).to.equal(200);
      // then
      expect((await employee.get('/api/me')).status).to.equal(401);
      expect((await login(api.base, 'employee', 'a new secret')).status).to.equal(200);
    });

    it('should end my sessions when I change my own password, after checking the current one', async () => {
      const first = await api.as('designer');
      const second = await api.as('designer');
      expect((await first.post('/api/me/password', { currentPassword: 'wrong', newPassword: 'longer secret' })).status).to.equal(400);
      expect((await first.post('/api/me/password', { currentPassword: 'demo', newPassword: 'longer secret' })).status).to.equal(204);
      expect((await second.get('/api/me')).status).to.equal(401);
      expect((await login(api.base, 'designer', 'longer secret')).status).to.equal(200);
    });

    it('should keep one session secret in the database, so a cookie from one process works on another', async () => {
      // given: two processes that took the secret from the database
      const secret = await sharedSessionSecret(api.db.knex);
      expect(await sharedSessionSecret(api.db.knex)).to.equal(secret);
      const one = await secondServer(secret);
      const two = await secondServer(secret);
      // when
      const cookie = ((await login(one, 'manager', 'demo')).headers.get('set-cookie') ?? '').split(';')[0];
      // then
      expect((await fetch(`${two}/api/me`, { headers: { cookie } })).status).to.equal(200);
    });
  });
});
