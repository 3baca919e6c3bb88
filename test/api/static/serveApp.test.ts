import { expect } from 'chai';
import Koa from 'koa';
import type { Server } from 'node:http';
import { problemMiddleware } from '../../../api/http/problem.js';
import { APP_CONTENT_SECURITY_POLICY, serveApp } from '../../../api/static/index.js';
import { fakeApp, type FakeApp } from './fakeApp.js';

describe('API: serving the browser app', () => {
  let app: FakeApp;
  let server: Server;
  let base: string;
  const get = (path: string, method = 'GET') => fetch(base + path, { method });

  beforeEach(async () => {
    // given: a build with index.html, a hashed asset and a favicon
    app = fakeApp();
    app.write('modeler/dist/index.html', '<!doctype html><title>Lifeline</title><script type="module" src="/assets/index-AbC123.js"></script>');
    app.write('modeler/dist/assets/index-AbC123.js', 'console.log("app")');
    app.write('modeler/dist/favicon.svg', '<svg/>');
    app.write('modeler/dist/.build-stamp', 'built');
    const koa = new Koa();
    koa.use(problemMiddleware(() => {}));
    koa.use(serveApp(app.location));
    server = koa.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterEach(() => {
    server.close();
    app.remove();
  });

  it('should answer / and every client route with its sub-paths with index.html, never cached, under the CSP', async () => {
    for (const path of ['/', '/login', '/modeler', '/modeler/definitions/0b0c', '/tasks', '/tasks/42', '/monitor', '/monitor/instances/7', '/admin', '/admin/users']) {
      // when
      const response = await get(path);
      // then
      expect(response.status, path).to.equal(200);
      expect(response.headers.get('content-type'), path).to.contain('text/html');
      expect(response.headers.get('cache-control'), path).to.equal('no-cache');
      expect(response.headers.get('content-security-policy'), path).to.equal(APP_CONTENT_SECURITY_POLICY);
      expect(await response.text(), path).to.contain('/assets/index-AbC123.js');
    }
  });

  it('should serve hashed assets as immutable for a year, and other build files revalidated', async () => {
    const asset = await get('/assets/index-AbC123.js');
    expect(asset.status).to.equal(200);
    expect(asset.headers.get('cache-control')).to.equal('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).to.contain('javascript');
    expect(await asset.text()).to.equal('console.log("app")');
    const favicon = await get('/favicon.svg');
    expect(favicon.headers.get('cache-control')).to.equal('no-cache');
    expect(favicon.headers.get('content-type')).to.contain('image/svg+xml');
    const head = await get('/assets/index-AbC123.js', 'HEAD');
    expect(head.status).to.equal(200);
  });

  it('should leave /api paths, unknown paths, missing assets and paths outside the build to the 404 problem', async () => {
    for (const path of ['/api/nothing-here', '/api/modeler', '/assets/missing-123.js', '/modelers', '/.build-stamp', '/%2e%2e/%2e%2e/package.json', '/assets/..%2F..%2Fmodeler%2Fdist%2Findex.html']) {
      const response = await get(path);
      expect(response.status, path).to.equal(404);
      expect(response.headers.get('content-type'), path).to.contain('application/problem+json');
    }
  });

  it('should not answer writes on client routes', async () => {
    const response = await get('/modeler', 'POST');
    expect(response.status).to.equal(404);
  });

  it('should say that the app is not built, instead of a blank page, when the build is missing', async () => {
    // given
    app.remove();
    // when
    const response = await get('/modeler');
    // then
    expect(response.status).to.equal(503);
    expect(await response.text()).to.contain('has not been built');
  });
});
