import { expect } from 'chai';
import { fileURLToPath } from 'node:url';
import { useE2e } from '../support/e2eHarness.js';
import { screenshot } from '../support/browser.js';
import { markedElements, openModeler, statusText } from '../support/modelerPage.js';

const BROKEN = fileURLToPath(new URL('./fixtures/broken-model.bpmn', import.meta.url));

describe('App: problems in the modeler', () => {
  const e2e = useE2e();

  it('should show every problem of a broken model on its element when deploying, and select the element from the problems list', async () => {
    // given: a designer imports a model the engine cannot run
    const { page } = await openModeler(e2e);
    await page.locator('input[type=file]').setInputFiles(BROKEN);
    await statusText(page, /Imported broken-model.bpmn/);
    // when
    await page.getByRole('button', { name: 'Deploy', exact: true }).click();
    // then: a marker and the message beside each element, and nothing deployed
    expect(await statusText(page, /Not deployed/)).to.contain('the engine found 3 problem(s)');
    expect(await markedElements(page)).to.deep.equal(['sendOffer', 'waitAWhile', 'waitForReply']);
    const overlay = (id: string) => page.locator(`.problem-overlay[data-element-id="${id}"]`);
    expect(await overlay('sendOffer').textContent()).to.contain('a service task needs a job type');
    expect(await overlay('waitAWhile').textContent()).to.contain("invalid timer duration: 'soon'");
    expect(await overlay('waitForReply').textContent()).to.contain("message 'unnamedMessage' has no name");
    await screenshot(page, 'modeler-problems');
    expect((await (await e2e.api.as('designer')).get('/api/process-definitions?key=broken-model')).body.total).to.equal(0);
    // when: the designer clicks a problem in the list
    await page.locator('.problems li', { hasText: 'a service task needs a job type' }).getByRole('button').click();
    // then: its element is selected and the properties panel shows it
    expect(await page.evaluate(() => (window as any).lifelineModeler.get('selection').get().map((e: any) => e.id))).to.deep.equal(['sendOffer']);
    await page.locator('.bio-properties-panel-header', { hasText: 'Send offer' }).waitFor();
  });

  it('should list a problem without an element at the top of the problems list', async () => {
    // given: the model's only process is not executable
    const { page } = await openModeler(e2e);
    await page.locator('input[type=file]').setInputFiles(BROKEN);
    await statusText(page, /Imported/);
    await page.evaluate(() => {
      const m = (window as any).lifelineModeler;
      m.get('modeling').updateProperties(m.get('canvas').getRootElement(), { isExecutable: false });
    });
    // when
    await page.getByRole('button', { name: 'Validate', exact: true }).click();
    // then
    await statusText(page, /The engine found/);
    const first = page.locator('.problem-list li').first();
    expect(await first.getAttribute('class')).to.contain('general');
    expect(await first.textContent()).to.contain('the file has no executable process');
  });

  it('should lint while drawing and check with the engine without a click', async () => {
    // given
    const { page } = await openModeler(e2e);
    // when: a service task without a job type is appended to the start event
    await page.evaluate(() => {
      const m = (window as any).lifelineModeler;
      const task = m.get('autoPlace').append(m.get('elementRegistry').get('StartEvent_1'), m.get('elementFactory').createShape({ type: 'bpmn:ServiceTask' }));
      m.get('modeling').updateProperties(task, { id: 'unnamedJob' });
    });
    // then: bpmnlint flags the missing label and end event; the engine's check marks the missing job type
    await page.locator('.problems li', { hasText: 'Element is missing label/name' }).waitFor();
    await page.locator('.problem-overlay[data-element-id="unnamedJob"]', { hasText: 'needs a job type' }).waitFor();
    expect(await page.locator('.problems .count.error').textContent()).to.match(/^[1-9]\d* errors?$/);
  });
});
