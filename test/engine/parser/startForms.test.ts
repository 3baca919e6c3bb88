import { expect } from 'chai';
import { expectProblem, parseFixture, processOf } from './parseFixture.js';

describe('parser: start forms and the business key field', () => {
  it('should keep a none start event\'s linked form, the field naming the business key, and the process documentation', async () => {
    // given / when
    const process = await processOf('start-forms.bpmn', 'linked');
    // then
    const start = process.nodes.registered;
    expect(start.startForm).to.deep.equal({ formId: 'register-request' });
    expect(start.lifeline).to.deep.equal({ businessKeyField: 'customer' });
    expect(process.documentation).to.equal('A customer asks for something.\n\nFirst line answers.');
  });

  it('should read a start form embedded in the process, and a business key at a path into a variable', async () => {
    // given / when
    const process = await processOf('start-forms.bpmn', 'embedded');
    // then
    const start = process.nodes.planned;
    expect(start.startForm?.formKey).to.equal('camunda-forms:bpmn:planForm');
    expect(JSON.parse(start.startForm!.formJson!)).to.have.property('id', 'plan');
    expect(start.lifeline?.businessKeyField).to.equal('event.id');
    expect(process.documentation).to.equal(undefined);
  });

  it('should refuse a start form or business key field on a message start event or inside a subprocess, external forms and a field that is no path', async () => {
    // given / when
    const { problems } = await parseFixture('bad/start-form-problems.bpmn');
    // then
    expectProblem(problems, 'byMessage', /a start form \(zeebe:formDefinition\) only applies to a none start event of a process, not to a message start event/);
    expectProblem(problems, 'byMessage', /lifeline:businessKey only applies to a none start event of a process/);
    expectProblem(problems, 'innerStart', /only applies to a none start event of a process, not to a start event inside a subprocess/);
    expectProblem(problems, 'external', /external forms \(zeebe:formDefinition externalReference\) are not supported/);
    expectProblem(problems, 'external', /lifeline:businessKey needs a field: .*not 'not a path'/);
  });
});
