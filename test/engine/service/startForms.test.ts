import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { ConflictError } from '../../../engine/index.js';
import { createTestEngine, type TestEngine } from '../support/engineHarness.js';

const form = { id: 'register-form', type: 'default', components: [{ type: 'textfield', key: 'customer.id', label: 'Customer' }] };

describe('engine: processes started by hand, with their start forms', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    const xml = await readFile(new URL('fixtures/start-forms.bpmn', import.meta.url), 'utf8');
    await t.engine.deploy({ resources: [{ name: 'start-forms.bpmn', xml }], forms: [{ name: 'register.form', json: JSON.stringify(form) }] });
  });
  afterEach(() => t.destroy());

  it('should list the latest version of each process with a none start event by name, with its documentation and start form', async () => {
    // when
    const startable = await t.engine.startableProcesses();
    // then
    expect(startable.map((p) => p.key)).to.deep.equal(['unlinked', 'bare', 'register']);
    const register = startable.find((p) => p.key === 'register')!;
    expect(register).to.include({ name: 'Register a request', description: 'A customer asks; support answers.', version: 1, startEventId: 'registered', startEventName: 'Request registered', formId: 'register-form', formMissing: false, businessKeyField: 'customer.id' });
    expect(register.form).to.deep.equal(form);
    expect(startable.find((p) => p.key === 'unlinked')).to.include({ formId: 'never-deployed', form: null, formMissing: true });
    expect(startable.find((p) => p.key === 'bare')).to.include({ formId: null, form: null, formMissing: false, description: null });
  });

  it('should show the newest deployed version of a linked start form', async () => {
    // given
    const changed = { ...form, components: [...form.components, { type: 'textfield', key: 'summary', label: 'Summary' }] };
    await t.engine.deploy({ resources: [], forms: [{ name: 'register.form', json: JSON.stringify(changed) }] });
    // when
    const register = await t.engine.startableProcess('register');
    // then
    expect(register.form).to.deep.equal(changed);
  });

  it('should refuse to describe a process that only a message starts', async () => {
    // when
    const failure = await t.engine.startableProcess('byMessageOnly').catch((e: unknown) => e);
    // then
    expect(failure).to.be.instanceOf(ConflictError);
  });

  it('should take the business key from the variable the start event names, unless the start gives one', async () => {
    // when
    const fromField = await t.start('register', { customer: { id: 'ACME' } });
    const given = await t.start('register', { customer: { id: 'ACME' } }, 'GIVEN-1');
    const missing = await t.start('register', { summary: 'no customer' });
    // then
    expect(fromField.businessKey).to.equal('ACME');
    expect((await t.task(fromField.id, 'answer')).businessKey).to.equal('ACME');
    expect(given.businessKey).to.equal('GIVEN-1');
    expect(missing.businessKey).to.equal(null);
  });
});
