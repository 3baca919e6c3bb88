import { expect } from 'chai';
import { chainModel, nestedModel } from '../engine/parser/bigModels.js';
import { apiFixture, startTestApi, type Caller, type TestApi } from './support/apiHarness.js';

const HEAD = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="x">';
const process = (attributes: string, inner = '<bpmn:startEvent id="s"/>') => `${HEAD}<bpmn:process id="p" isExecutable="true" ${attributes}>${inner}</bpmn:process></bpmn:definitions>`;

/** Issue 9, must hold: hostile models get a 4xx problem fast, store nothing, and do not hold up other requests. */
const HOSTILE: { name: string; xml: () => Promise<string> | string; elementId?: string }[] = [
  { name: 'malformed XML', xml: () => `${HEAD}<bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s">` },
  { name: 'an external entity', xml: () => `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${process('name="&xxe;"')}` },
  { name: 'entity expansion', xml: () => `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>${process('name="&c;&c;&c;&c;"')}` },
  { name: '10 MB', xml: () => process(`name="${'x'.repeat(10_000_000)}"`) },
  { name: '10,000 elements', xml: () => chainModel(5_000), elementId: 'chain' },
  { name: '2,000-deep nesting', xml: () => nestedModel(2_000), elementId: 'sp32' },
  { name: 'a loop with no exit', xml: () => apiFixture('no-exit.bpmn'), elementId: 'spin' },
  { name: 'unknown extensions', xml: () => process('', '<bpmn:startEvent id="s"><bpmn:extensionElements><zeebe:mystery /></bpmn:extensionElements></bpmn:startEvent>'), elementId: 's' },
];

describe('API: hostile BPMN', () => {
  let api: TestApi;
  let designer: Caller;
  before(async () => {
    api = await startTestApi();
    designer = await api.as('designer');
  });
  after(() => api.close());

  for (const hostile of HOSTILE) {
    it(`should refuse ${hostile.name} with a 4xx problem within 2 s, storing nothing, while /health keeps answering`, async function () {
      this.timeout(20_000);
      // given
      const xml = await hostile.xml();
      const before = (await designer.get('/api/process-definitions')).body.total;
      let done = false;
      const health: number[] = [];
      // when
      const t0 = performance.now();
      const deploy = designer.post('/api/deployments', xml, 'application/xml').finally(() => (done = true));
      while (!done) {
        const h0 = performance.now();
        expect((await fetch(`${api.base}/health`)).status).to.equal(200);
        health.push(performance.now() - h0);
      }
      const response = await deploy;
      const elapsed = performance.now() - t0;
      // then
      expect(response.status, JSON.stringify(response.body).slice(0, 300)).to.be.within(400, 499);
      expect(response.headers.get('content-type')).to.contain('application/problem+json');
      expect(elapsed).to.be.below(2000);
      expect(Math.max(0, ...health), '/health latency').to.be.below(500);
      if (hostile.elementId) expect(response.body.problems.map((p: { elementId?: string }) => p.elementId)).to.include(hostile.elementId);
      expect(JSON.stringify(response.body)).to.not.contain('root:');
      expect((await designer.get('/api/process-definitions')).body.total).to.equal(before);
    });
  }
});
