import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { useE2e } from '../support/e2eHarness.js';
import { screenshot } from '../support/browser.js';
import { markedElements, modelerReady, openModeler, statusText } from '../support/modelerPage.js';

const SHIPPED = ['campaign-invitation', 'campaign-invitee', 'renewal-reminder', 'support-escalation'];
const BROKEN = fileURLToPath(new URL('./fixtures/broken-model.bpmn', import.meta.url));

describe('App: opening, importing, exporting and keeping work in the modeler', () => {
  const e2e = useE2e();

  it('should open every shipped model without import warnings, lint problems or engine problems, and deploy it unchanged', async () => {
    const { page } = await openModeler(e2e);
    for (const key of SHIPPED) {
      // given: the deployed version 1 from the demo seed
      await page.getByRole('button', { name: 'Open…' }).click();
      await page.getByRole('button', { name: `Open ${key} version 1` }).waitFor();
      if (key === SHIPPED[0]) await screenshot(page, 'modeler-open');
      // when
      await page.getByRole('button', { name: `Open ${key} version 1` }).click();
      // then
      expect(await statusText(page, new RegExp(`Opened ${key}`))).to.equal(`Opened ${key} version 1.`);
      await page.locator('.problems .empty').waitFor();
      expect(await page.locator('.problems .count').allTextContents()).to.deep.equal(['0 errors', '0 warnings']);
      expect(await markedElements(page)).to.deep.equal([]);
      if (key === 'campaign-invitation') await screenshot(page, 'modeler-campaign-invitation');
      if (key === 'support-escalation') {
        expect(await page.getByRole('tab', { name: 'Form: answer-request' }).count()).to.equal(1);
        // and its start form, linked from the none start event
        expect(await page.getByRole('tab', { name: 'Form: register-request' }).count()).to.equal(1);
        await screenshot(page, 'modeler-support-escalation');
      }
      await page.getByRole('button', { name: 'Deploy', exact: true }).click();
      expect(await statusText(page, /Nothing changed/)).to.contain(`${key} version 1 is already deployed`);
    }
  });

  it('should open any deployed version from the list, and by deep link', async () => {
    // given: a second version of the renewal reminder
    const designer = await e2e.api.as('designer');
    const xml = (await readFile(new URL('../../../processes/renewal-reminder.bpmn', import.meta.url), 'utf8')).replace(/(<bpmn:process id="renewal-reminder" name=")[^"]*"/, '$1Renewal reminders, second edition"');
    const deployed = await designer.post('/api/deployments', { resources: [{ name: 'renewal-reminder.bpmn', xml }] });
    const v1 = (await designer.get('/api/process-definitions?key=renewal-reminder')).body.items.find((d: { version: number }) => d.version === 1);
    const { page } = await openModeler(e2e);
    // when
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('button', { name: 'Open renewal-reminder version 2' }).click();
    // then
    await statusText(page, /Opened renewal-reminder version 2/);
    expect(await page.locator('.doc-info h1').textContent()).to.equal('Renewal reminders, second edition');
    expect(deployed.body.definitions[0].version).to.equal(2);
    // when: a deep link to version 1
    await page.goto(`/modeler/definitions/${v1.id}`);
    await modelerReady(page);
    // then
    await statusText(page, /Opened renewal-reminder version 1/);
    await page.waitForURL('**/modeler');
    expect(await page.locator('.doc-info h1').textContent()).to.not.contain('second edition');
  });

  it('should import a .bpmn file by drag and drop, and export it as .bpmn and .svg', async () => {
    // given
    const { page } = await openModeler(e2e);
    const content = await readFile(BROKEN, 'utf8');
    // when: the file is dropped on the canvas
    const dataTransfer = await page.evaluateHandle((xml) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([xml], 'dropped.bpmn', { type: 'application/xml' }));
      return transfer;
    }, content);
    await page.dispatchEvent('.canvas-area', 'drop', { dataTransfer });
    // then
    await statusText(page, /Imported dropped.bpmn/);
    await page.locator('.djs-element[data-element-id="sendOffer"]').waitFor();
    // when: exported
    const [bpmn] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export BPMN' }).click()]);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
    // then
    expect(bpmn.suggestedFilename()).to.equal('broken-model.bpmn');
    expect(await readFile(await bpmn.path(), 'utf8')).to.contain('<bpmn:serviceTask id="sendOffer" name="Send offer"');
    expect(svg.suggestedFilename()).to.equal('broken-model.svg');
    expect(await readFile(await svg.path(), 'utf8')).to.match(/^<\?xml[\s\S]*<svg[\s\S]*Send offer/);
  });

  it('should keep unsaved work across a reload until it is discarded, and warn before leaving it', async () => {
    // given: a change that is not deployed
    const { page } = await openModeler(e2e);
    await page.evaluate(() => {
      const m = (window as any).lifelineModeler;
      m.get('modeling').updateLabel(m.get('elementRegistry').get('StartEvent_1'), 'Kept');
    });
    await page.locator('.badge.unsaved').waitFor();
    await page.waitForFunction(() => localStorage.getItem('lifeline.modeler.draft.designer')?.includes('Kept'));
    // when
    await page.reload();
    await modelerReady(page);
    // then
    await statusText(page, /Restored your unsaved work/);
    expect(await page.locator('.djs-element[data-element-id="StartEvent_1_label"]').textContent()).to.contain('Kept');
    // when: closing the tab after touching the page, the browser asks first
    await page.locator('.canvas').click({ position: { x: 600, y: 100 } });
    const asked = page.waitForEvent('dialog').then((dialog) => dialog.type());
    await page.close({ runBeforeUnload: true });
    expect(await asked).to.equal('beforeunload');
  });

  it('should forget unsaved work that is discarded', async () => {
    // given
    const { page } = await openModeler(e2e);
    await page.evaluate(() => {
      const m = (window as any).lifelineModeler;
      m.get('modeling').updateLabel(m.get('elementRegistry').get('StartEvent_1'), 'To be discarded');
    });
    await page.waitForFunction(() => localStorage.getItem('lifeline.modeler.draft.designer')?.includes('To be discarded'));
    // when
    await page.getByRole('button', { name: 'Discard', exact: true }).click();
    // then
    await statusText(page, /were discarded/);
    expect(await page.evaluate(() => localStorage.getItem('lifeline.modeler.draft.designer'))).to.equal(null);
    expect(await page.locator('.badge.unsaved').count()).to.equal(0);
    await page.reload();
    await modelerReady(page);
    expect(await page.locator('.djs-element[data-element-id="StartEvent_1_label"]').textContent()).to.not.contain('To be discarded');
  });

  it('should fit a narrow screen: toolbar, canvas and properties stacked, without horizontal scrolling', async () => {
    // given
    const { page } = await openModeler(e2e, { width: 390, height: 844 });
    // when
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('button', { name: 'Open support-escalation version 1' }).click();
    await statusText(page, /Opened support-escalation/);
    // then
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
    const canvas = await page.locator('.canvas').boundingBox();
    const properties = await page.locator('.properties').boundingBox();
    expect(properties!.y).to.be.greaterThan(canvas!.y + canvas!.height - 1);
    await screenshot(page, 'modeler-narrow');
  });
});
