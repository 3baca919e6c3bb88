import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { startTestApi, type Caller, type TestApi } from './support/apiHarness.js';

describe('API: deploying models in other encodings, with warnings (issue 12)', () => {
  let api: TestApi;
  let designer: Caller;
  beforeEach(async () => {
    api = await startTestApi();
    designer = await api.as('designer');
  });
  afterEach(() => api.close());

  it('should deploy raw XML bytes declared as windows-1252 with their names intact', async () => {
    // given
    const bytes = await readFile(new URL('fixtures/windows-1252.bpmn', import.meta.url));
    // when
    const deployed = await designer.post('/api/deployments?name=cp', new Uint8Array(bytes), 'application/xml');
    // then
    expect(deployed.status).to.equal(201);
    const definition = await designer.get(`/api/process-definitions/${deployed.body.definitions[0].id}`);
    expect(definition.body.name).to.equal('Prüfung – „Übergabe“');
  });

  it('should answer a deploy and a validation with the warnings of a tolerated model', async () => {
    // given: a parallel gateway with a conditional outgoing flow
    const xml = await readFile(new URL('../engine/parser/fixtures/tolerated.bpmn', import.meta.url), 'utf8');
    // when
    const checked = await designer.post('/api/deployments/validate', { xml });
    const deployed = await designer.post('/api/deployments', { resources: [{ name: 't.bpmn', xml }] });
    // then
    expect(checked.body.problems).to.deep.equal([]);
    expect(deployed.status).to.equal(201);
    for (const body of [checked.body, deployed.body]) expect(body.warnings.map((w: { elementId: string }) => w.elementId)).to.have.members(['conditional', 'order']);
  });
});
