import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useE2e } from '../support/e2eHarness.js';
import { screenshot } from '../support/browser.js';
import { clickElement, openModeler, statusText } from '../support/modelerPage.js';

/** Draws start → "Answer the customer" (user task) → timer "Cool-off" → end, through bpmn-js's modeling API. */
async function drawAnswerAndWait(page: Page, processId: string): Promise<void> {
  await page.evaluate((id) => {
    const m = (window as any).lifelineModeler;
    const modeling = m.get('modeling');
    const factory = m.get('elementFactory');
    const autoPlace = m.get('autoPlace');
    const moddle = m.get('moddle');
    modeling.updateProperties(m.get('canvas').getRootElement(), { id, name: 'Answer with an SLA' });
    const start = m.get('elementRegistry').get('StartEvent_1');
    modeling.updateProperties(start, { id: 'asked' });
    const task = autoPlace.append(start, factory.createShape({ type: 'bpmn:UserTask' }));
    modeling.updateProperties(task, { id: 'answer', name: 'Answer the customer' });
    const timer = autoPlace.append(task, factory.createShape({ type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:TimerEventDefinition' }));
    modeling.updateProperties(timer, { id: 'coolOff', name: 'Cool-off' });
    modeling.updateModdleProperties(timer, timer.businessObject.eventDefinitions[0], { timeDuration: moddle.create('bpmn:FormalExpression', { body: 'PT4H' }) });
    modeling.updateProperties(autoPlace.append(timer, factory.createShape({ type: 'bpmn:EndEvent' })), { id: 'answered', name: 'Answered' });
  }, processId);
}

/** Selects the process itself (nothing on the canvas), as a click on empty canvas does. */
async function selectProcess(page: Page): Promise<void> {
  await page.evaluate(() => (window as any).lifelineModeler.get('selection').select(null));
  await page.locator('.bio-properties-panel-header-label', { hasText: 'Answer with an SLA' }).waitFor();
}

async function openGroup(page: Page, label: string): Promise<void> {
  const header = page.locator('.bio-properties-panel-group-header', { hasText: label }).first();
  if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
}

const actionItems = (page: Page) => page.locator('[data-group-id="group-lifeline-sla-actions"] .bio-properties-panel-list-item');

describe('App: the Lifeline properties in the modeler\'s panel', () => {
  const e2e = useE2e();

  it('should set the calendars from the server\'s list, the SLA with its notify, reassign and escalate actions, and the start\'s business key field, and deploy what the engine reads', async () => {
    // given: a second calendar besides the default office one, and a designer drawing a process
    const admin = await e2e.api.as('admin');
    expect((await admin.put('/api/calendars/hamburg', { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], workingHours: { start: '08:00', end: '16:00' } })).status).to.equal(200);
    const { page } = await openModeler(e2e);
    await drawAnswerAndWait(page, 'answer-with-sla');

    // when: the process counts working time on the default calendar
    await selectProcess(page);
    await openGroup(page, 'Lifeline');
    const calendar = page.getByLabel('Business calendar');
    await calendar.locator('option', { hasText: 'hamburg' }).waitFor({ state: 'attached' });
    expect(await calendar.locator('option').allTextContents()).to.deep.equal(['None: plain calendar time', 'Default calendar (now office)', 'hamburg', 'office']);
    await calendar.selectOption({ label: 'Default calendar (now office)' });
    // and the start takes its business key from a field
    await clickElement(page, 'asked');
    await openGroup(page, 'Lifeline');
    await page.getByLabel('Business key from field').fill('customer');
    await page.getByLabel('Business key from field').press('Tab');
    // and the timer waits on office hours
    await clickElement(page, 'coolOff');
    await openGroup(page, 'Lifeline');
    await page.getByLabel('Business calendar').selectOption('office');
    // and the task: the hamburg calendar, an SLA and three actions
    await clickElement(page, 'answer');
    await openGroup(page, 'Lifeline');
    await page.getByLabel('Business calendar').selectOption('hamburg');
    await page.getByLabel('SLA target').fill('P2D');
    await page.getByLabel('SLA at risk').fill('75%');
    await page.getByLabel('SLA at risk').press('Tab');
    await openGroup(page, 'SLA actions');
    const add = page.locator('[data-group-id="group-lifeline-sla-actions"]').getByTitle('Create new list item');
    // 1: notify sofia and the assignee's manager on breach (the default kind and moment)
    await add.click();
    await actionItems(page).nth(0).getByLabel('Users').fill('sofia');
    await actionItems(page).nth(0).getByLabel('The assignee\'s manager').check();
    // 2: reassign round-robin among the specialists once at risk
    await add.click();
    await actionItems(page).nth(1).getByLabel('Action').selectOption('lifeline:Reassign');
    await actionItems(page).nth(1).getByLabel('When').selectOption('atRisk');
    await actionItems(page).nth(1).getByLabel('Strategy').selectOption('roundRobin');
    await actionItems(page).nth(1).getByLabel('Candidate groups').fill('support-specialists');
    await actionItems(page).nth(1).getByLabel('Candidate groups').press('Tab');
    // 3: one added by mistake and removed again, 4: escalate on breach
    await add.click();
    await actionItems(page).nth(2).getByTitle('Delete item').click();
    await add.click();
    await actionItems(page).nth(2).getByLabel('Action').selectOption('lifeline:Escalate');
    await actionItems(page).nth(2).getByLabel('Escalation code').fill('sla-breached');
    await actionItems(page).nth(2).getByLabel('Escalation code').press('Tab');
    expect(await actionItems(page).count()).to.equal(3);
    expect(await actionItems(page).locator('.bio-properties-panel-collapsible-entry-header-title').allTextContents()).to.deep.equal(['Notify on breach', 'Reassign at risk', 'Escalate on breach']);
    await screenshot(page, 'modeler-sla-actions');
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();

    // then: the XML says exactly that, and the engine's IR has it
    await statusText(page, /Deployed answer-with-sla as version 1/);
    const designer = await e2e.api.as('designer');
    const [summary] = (await designer.get('/api/process-definitions?key=answer-with-sla')).body.items;
    const xml = (await designer.get(`/api/process-definitions/${summary.id}/xml`)).body as string;
    expect(xml).to.contain('<lifeline:notify when="breach" users="sofia" manager="true" />');
    expect(xml).to.contain('<lifeline:reassign when="atRisk" strategy="roundRobin" candidateGroups="support-specialists" />');
    expect(xml).to.contain('<lifeline:escalate when="breach" escalationCode="sla-breached" />');
    expect(xml).to.not.match(/=""/);
    const { ir } = (await designer.get(`/api/process-definitions/${summary.id}`)).body;
    expect(ir.calendar).to.deep.equal({});
    expect(ir.nodes.asked.lifeline).to.deep.equal({ businessKeyField: 'customer' });
    expect(ir.nodes.coolOff.lifeline).to.deep.equal({ calendar: { name: 'office' } });
    expect(ir.nodes.answer.lifeline).to.deep.equal({
      calendar: { name: 'hamburg' },
      sla: {
        target: { source: 'P2D', isFeel: false },
        atRisk: { source: '75%', isFeel: false },
        actions: [
          { type: 'notify', when: 'breach', users: { source: 'sofia', isFeel: false }, assignee: false, manager: true },
          { type: 'reassign', when: 'atRisk', strategy: 'roundRobin', candidateGroups: { source: 'support-specialists', isFeel: false } },
          { type: 'escalate', when: 'breach', escalationCode: 'sla-breached' },
        ],
      },
    });
  });

  it('should keep a calendar the server does not know selectable, and remove the SLA with its last action when nothing else is set', async () => {
    // given: a task bound to a calendar nobody defined, with one SLA action and no target
    const { page } = await openModeler(e2e);
    await drawAnswerAndWait(page, 'unknown-calendar');
    await page.evaluate(() => {
      const m = (window as any).lifelineModeler;
      const task = m.get('elementRegistry').get('answer');
      const moddle = m.get('moddle');
      const calendar = moddle.create('lifeline:Calendar', { name: 'mars-base' });
      const notify = moddle.create('lifeline:Notify', { when: 'breach', assignee: true });
      const sla = moddle.create('lifeline:Sla', { actions: [notify] });
      m.get('modeling').updateProperties(task, { extensionElements: moddle.create('bpmn:ExtensionElements', { values: [calendar, sla] }) });
    });
    // when (the engine's problem markers cover the task: select it as a keyboard user would)
    await page.evaluate(() => {
      const m = (window as any).lifelineModeler;
      m.get('selection').select(m.get('elementRegistry').get('answer'));
    });
    await page.locator('.bio-properties-panel-header-label', { hasText: 'Answer the customer' }).waitFor();
    await openGroup(page, 'Lifeline');
    // then: the unknown name is shown as it is
    const calendar = page.getByLabel('Business calendar');
    await calendar.locator('option[value="office"]').waitFor({ state: 'attached' });
    expect(await calendar.inputValue()).to.equal('mars-base');
    expect(await calendar.locator('option:checked').textContent()).to.equal('mars-base (not defined on the server)');
    // when: its only action is removed, and the calendar set back to the process's
    await openGroup(page, 'SLA actions');
    await actionItems(page).nth(0).locator('.bio-properties-panel-collapsible-entry-header').hover();
    await actionItems(page).nth(0).getByTitle('Delete item').click();
    await calendar.selectOption('');
    // then: no lifeline element is left on the task
    const extensions = await page.evaluate(() => {
      const task = (window as any).lifelineModeler.get('elementRegistry').get('answer');
      return (task.businessObject.extensionElements?.values ?? []).map((v: any) => v.$type);
    });
    expect(extensions).to.deep.equal([]);
  });
});
