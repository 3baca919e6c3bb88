import { expect } from 'chai';
import { routes } from '../../api/routes/index.js';
import { startTestApi, type TestApi } from './support/apiHarness.js';

describe('API: platform', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi();
  });
  afterEach(() => api.close());

  it('should answer health, readiness and Prometheus metrics', async () => {
    expect((await api.anonymous.get('/health')).body).to.deep.equal({ status: 'ok' });
    expect((await api.anonymous.get('/ready')).body).to.deep.equal({ status: 'ready' });
    await api.anonymous.get('/api/me');
    const metrics = await api.anonymous.get('/metrics');
    expect(metrics.headers.get('content-type')).to.contain('text/plain');
    expect(metrics.body).to.contain('lifeline_http_requests_total{method="GET",route="/api/me",status="401"} 1');
    expect(metrics.body).to.contain('lifeline_http_request_duration_seconds_bucket');
  });

  it('should serve an OpenAPI 3.1 document listing every declared route, and a docs page', async () => {
    const document = (await api.anonymous.get('/api/openapi.json')).body;
    expect(document.openapi).to.equal('3.1.0');
    for (const route of routes) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(document.paths[path]?.[route.method], `${route.method} ${route.path}`).to.have.property('summary', route.summary);
    }
    const docs = await api.anonymous.get('/api/docs');
    expect(docs.body).to.contain('<h1>Lifeline API</h1>').and.to.contain('/api/tasks/:id/complete');
  });

  it('should answer an unknown route with a 404 problem, and malformed JSON with a 400 problem, never a stack trace', async () => {
    const unknown = await api.anonymous.get('/api/nothing-here');
    expect(unknown.status).to.equal(404);
    expect(unknown.body.code).to.equal('NOT_FOUND');
    const designer = await api.as('designer');
    const malformed = await designer.post('/api/deployments', '{"resources": [', 'application/json');
    expect(malformed.status).to.equal(400);
    expect(malformed.body.code).to.equal('MALFORMED_REQUEST');
    expect(JSON.stringify(malformed.body)).to.not.contain('    at ');
  });

  it('should answer a wrong method and an unknown method with problems too', async () => {
    // when
    const wrong = await api.anonymous.request('PUT', '/api/me', {});
    const unknown = await api.anonymous.request('PROPFIND', '/api/me');
    // then
    expect(wrong.status).to.equal(405);
    expect(wrong.headers.get('content-type')).to.contain('application/problem+json');
    expect(wrong.body).to.include({ code: 'METHOD_NOT_ALLOWED', status: 405 });
    expect(wrong.headers.get('allow')).to.contain('GET');
    expect(unknown.status).to.equal(501);
    expect(unknown.body.code).to.equal('NOT_IMPLEMENTED');
  });

  it('should answer a malformed URL escape in a path with a 4xx problem, not 500', async () => {
    const admin = await api.as('admin');
    const response = await admin.get('/api/users/%E0%A4%A');
    expect(response.status).to.be.within(400, 499);
    expect(response.headers.get('content-type')).to.contain('application/problem+json');
  });
});
