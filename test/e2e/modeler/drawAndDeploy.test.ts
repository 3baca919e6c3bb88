import { expect } from 'chai';
import { useE2e } from '../support/e2eHarness.js';
import { screenshot } from '../support/browser.js';
import { clickElement, openModeler, statusText } from '../support/modelerPage.js';
import type { Page } from 'playwright-core';

/** Draws start → "Call customer" (user task) → timer "Wait a day" → end, in the page through bpmn-js's modeling API. */
async function drawCallAndWait(page: Page, processId: string): Promise<void> {
  await page.evaluate((id) => {
    const m = (window as any).lifelineModeler;
    const modeling = m.get('modeling');
    const factory = m.get('elementFactory');
    const autoPlace = m.get('autoPlace');
    const registry = m.get('elementRegistry');
    const moddle = m.get('moddle');
    const root = m.get('canvas').getRootElement();
    modeling.updateProperties(root, { id, name: 'Onboarding call' });
    const start = registry.get('StartEvent_1');
    const task = autoPlace.append(start, factory.createShape({ type: 'bpmn:UserTask' }));
    modeling.updateProperties(task, { id: 'callCustomer', name: 'Call customer' });
    const timer = autoPlace.append(task, factory.createShape({ type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:TimerEventDefinition' }));
    modeling.updateProperties(timer, { id: 'waitADay', name: 'Wait a day' });
    const definition = timer.businessObject.eventDefinitions[0];
    modeling.updateModdleProperties(timer, definition, { timeDuration: moddle.create('bpmn:FormalExpression', { body: 'P1D' }) });
    const end = autoPlace.append(timer, factory.createShape({ type: 'bpmn:EndEvent' }));
    modeling.updateProperties(end, { id: 'called', name: 'Called' });
  }, processId);
}

describe('App: drawing and deploying in the modeler', () => {
  const e2e = useE2e();

  it('should deploy a drawn process with a user task and a timer, the assignee set in the properties panel, and show the new version', async () => {
    // given: a designer in the modeler draws a process
    const { page } = await openModeler(e2e);
    await drawCallAndWait(page, 'onboarding-call');
    // when: they set the assignee in the properties panel and deploy
    await clickElement(page, 'callCustomer');
    await page.locator('.bio-properties-panel-group-header', { hasText: 'Assignment' }).click();
    await page.getByLabel('Assignee', { exact: true }).fill('employee');
    await page.getByLabel('Candidate groups').click();
    await screenshot(page, 'modeler');
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    // then: the status names the key and version, and the engine has it with the assignee and the timer
    expect(await statusText(page, /Deployed/)).to.contain('Deployed onboarding-call as version 1');
    expect(await page.locator('.modeler-toolbar').textContent()).to.contain('onboarding-call · version 1');
    const designer = await e2e.api.as('designer');
    const [definition] = (await designer.get('/api/process-definitions?key=onboarding-call')).body.items;
    const xml = (await designer.get(`/api/process-definitions/${definition.id}/xml`)).body as string;
    expect(xml).to.match(/<zeebe:assignmentDefinition assignee="employee"/);
    expect(xml).to.contain('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1D</bpmn:timeDuration>');

    // when: deploying again without a change, then after renaming the task
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    expect(await statusText(page, /Nothing changed/)).to.contain('onboarding-call version 1 is already deployed');
    await page.evaluate(() => {
      const m = (window as any).lifelineModeler;
      m.get('modeling').updateLabel(m.get('elementRegistry').get('callCustomer'), 'Call the customer');
    });
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    // then
    expect(await statusText(page, /version 2/)).to.contain('Deployed onboarding-call as version 2');
  });

  it('should write Lifeline\'s assignment strategy, calendar and SLA from its own properties group', async () => {
    // given
    const { page } = await openModeler(e2e);
    await drawCallAndWait(page, 'least-loaded-call');
    await clickElement(page, 'callCustomer');
    // when
    await page.locator('.bio-properties-panel-group-header', { hasText: 'Lifeline' }).click();
    await page.getByLabel('Assignment strategy').selectOption('leastLoaded');
    await page.getByLabel('Business calendar').selectOption('office');
    await page.getByLabel('SLA target').fill('P2D');
    await page.getByLabel('SLA at risk').fill('75%');
    await page.getByLabel('SLA at risk').press('Tab');
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    await statusText(page, /Deployed least-loaded-call as version 1/);
    // then
    const designer = await e2e.api.as('designer');
    const [definition] = (await designer.get('/api/process-definitions?key=least-loaded-call')).body.items;
    const xml = (await designer.get(`/api/process-definitions/${definition.id}/xml`)).body as string;
    expect(xml).to.contain('<lifeline:assignment strategy="leastLoaded" />');
    expect(xml).to.contain('<lifeline:calendar name="office" />');
    expect(xml).to.contain('<lifeline:sla target="P2D" atRisk="75%" />');
  });

  it('should create a task form, link it to the user task from the properties panel, and deploy both', async () => {
    // given
    const { page } = await openModeler(e2e);
    await drawCallAndWait(page, 'call-with-form');
    // when: a new form with one field
    await page.getByRole('button', { name: '+ New form' }).click();
    await page.getByLabel('Form ID').fill('call-notes');
    await page.getByRole('button', { name: 'Create form' }).click();
    await page.waitForURL('**/modeler/forms/call-notes');
    await page.waitForFunction(() => Boolean((window as any).lifelineFormEditor?.get('formFieldRegistry')));
    await page.evaluate(() => {
      const editor = (window as any).lifelineFormEditor;
      const root = editor.get('formFieldRegistry').getAll().find((f: any) => f.type === 'default');
      editor.get('modeling').addFormField({ type: 'textarea', key: 'notes', label: 'Call notes' }, root, 0);
    });
    await page.locator('.fjs-editor-container').getByText('Call notes').first().waitFor();
    await screenshot(page, 'form-editor');
    // and: it is linked to the user task in the properties panel
    await page.getByRole('tab', { name: 'Diagram' }).click();
    await clickElement(page, 'callCustomer');
    await page.locator('.bio-properties-panel-group-header', { hasText: 'Form' }).first().click();
    await page.locator('select[name="formType"]').selectOption({ label: 'Camunda Form' });
    await page.getByLabel('Form ID').fill('call-notes');
    await page.getByLabel('Form ID').press('Tab');
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    // then
    expect(await statusText(page, /Deployed/)).to.contain('Forms: call-notes v1');
    const designer = await e2e.api.as('designer');
    const form = await designer.get('/api/forms/call-notes');
    expect(form.body.schema.components.map((c: { key?: string }) => c.key)).to.include('notes');
    const [definition] = (await designer.get('/api/process-definitions?key=call-with-form')).body.items;
    expect((await designer.get(`/api/process-definitions/${definition.id}/xml`)).body).to.match(/<zeebe:formDefinition formId="call-notes"/);
  });
});
