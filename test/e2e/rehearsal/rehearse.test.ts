import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useE2e } from '../support/e2eHarness.js';
import { screenshot } from '../support/browser.js';
import { openModeler, statusText } from '../support/modelerPage.js';

/** Opens a deployed version in the modeler through the Open dialog. */
async function openVersion(page: Page, key: string, version = 1): Promise<void> {
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByRole('button', { name: `Open ${key} version ${version}` }).click();
  await statusText(page, new RegExp(`Opened ${key} version ${version}`));
}

/** The rehearsal's status line once it says something matching `pattern`. */
async function rehearsalStatus(page: Page, pattern: RegExp): Promise<string> {
  const status = page.locator('.rh-status').filter({ hasText: pattern });
  await status.waitFor();
  return (await status.textContent()) ?? '';
}

/** Starts a rehearsal of what the modeler shows, its clock at `startAt` (wall clock of the default calendar, Berlin). */
async function startRehearsal(page: Page, startAt: string): Promise<void> {
  await page.getByRole('button', { name: 'Rehearse' }).click();
  await page.getByLabel(/Virtual clock starts at/).fill(startAt);
  await page.getByRole('button', { name: 'Start rehearsal' }).click();
  await rehearsalStatus(page, /Rehearsal started/);
}

async function startInstance(page: Page, businessKey: string, variables: Record<string, unknown>): Promise<void> {
  await page.getByLabel('Business key').fill(businessKey);
  await page.getByLabel('Variables (JSON)').first().fill(JSON.stringify(variables));
  await page.getByRole('button', { name: 'Start instance' }).click();
  await rehearsalStatus(page, new RegExp(`Done: start support-escalation for ${businessKey}`));
}

/** The counts on a diagram element: tokens waiting there and completions (0 when it has no badge). */
function tokensOn(page: Page, elementId: string): Promise<{ active: number; completed: number }> {
  return page.evaluate((id) => {
    const overlay = document.querySelector(`.token-overlay[data-element-id="${id}"]`);
    return { active: Number(overlay?.getAttribute('data-active') ?? 0), completed: Number(overlay?.getAttribute('data-completed') ?? 0) };
  }, elementId);
}

const REQUEST = { summary: 'Invoice is wrong', severity: 'normal', customerEmail: 'buyer@acme.example' };

describe('App: Rehearse mode in the modeler', () => {
  const e2e = useE2e();

  it("should let a designer rehearse the shipped support escalation, advance one working day, see the token move to the specialist's task, and save the scenario", async () => {
    // given the shipped support escalation open in the modeler, rehearsed from Friday 16:30
    const { page } = await openModeler(e2e);
    await openVersion(page, 'support-escalation');
    await startRehearsal(page, '2026-01-09T16:30');
    expect(await page.getByTestId('rehearsal-clock').textContent()).to.equal('Fri, 9 Jan 2026, 16:30');
    // and one request handed over to second line through its form
    await startInstance(page, 'OTHER', REQUEST);
    await page.getByRole('button', { name: 'Complete Answer the request (first line) of #1' }).click();
    await page.locator('.task-dialog .fjs-form').waitFor();
    expect(await page.locator('.task-dialog').getByLabel('Answer (sent to the customer)').count()).to.equal(1);
    await page.locator('.task-dialog').getByLabel('Hand over to second line instead').check();
    await page.getByRole('button', { name: 'Complete task' }).click();
    await rehearsalStatus(page, /Done: complete task answerRequest of #1 as designer/);
    // when ACME's request comes in
    await startInstance(page, 'ACME', REQUEST);
    expect((await tokensOn(page, 'resolveRequest')).active).to.equal(2);
    // and the clock moves one working day
    await page.getByRole('button', { name: '+1 working day' }).click();
    // then it is Monday 16:30, and ACME's token left first line for the specialist's task, given to the least-loaded specialist
    expect(await rehearsalStatus(page, /Done: clock \+P1D working time/)).to.contain('It is now Mon, 12 Jan 2026, 16:30');
    await page.getByRole('list', { name: 'Instances' }).getByRole('button', { name: 'Answer the request (second line)', exact: true }).first().click();
    await page.locator('.token-overlay[data-element-id="specialistAnswers"]').waitFor();
    expect(await tokensOn(page, 'specialistAnswers')).to.deep.equal({ active: 2, completed: 0 });
    expect((await tokensOn(page, 'answerRequest')).active).to.equal(0);
    expect(await page.locator('.djs-element.rehearsal-active[data-element-id="specialistAnswers"]').count()).to.equal(1);
    expect(await page.locator('.rh-history').textContent()).to.contain('task.assigned · Answer the request (second line) → specialist');
    const tasks = await page.getByRole('list', { name: 'Open tasks' }).textContent();
    expect(tasks).to.contain('#2 · ACME').and.to.contain('Assigned to specialist');
    await page.locator('.rh-panel').evaluate((panel) => panel.scrollTo(0, 0));
    await screenshot(page, 'rehearse-support-escalation');
    // when the designer saves what happened as a scenario
    await page.getByLabel('Scenario name').fill('Friday request escalates on Monday');
    await page.getByRole('button', { name: 'Save as scenario' }).click();
    // then it is saved with the process
    await rehearsalStatus(page, /Saved the scenario “Friday request escalates on Monday” with support-escalation/);
    const saved = (await (await e2e.api.as('designer')).get('/api/rehearsals/scenarios?processKey=support-escalation')).body.items;
    expect(saved.map((s: { name: string; stepCount: number }) => [s.name, s.stepCount])).to.deep.equal([['Friday request escalates on Monday', 4]]);
    // and one click returns to editing, with nothing of the rehearsal in live work
    await page.getByRole('button', { name: 'Back to editing' }).click();
    await page.getByRole('button', { name: 'Deploy', exact: true }).waitFor();
    expect((await (await e2e.api.as('manager')).get('/api/tasks')).body.total).to.equal(0);
  });

  it('should replay saved scenarios from the list, green on the deployed model and red where an edited drawing goes another way', async () => {
    // given a scenario of the support escalation, recorded through the API
    const designer = await e2e.api.as('designer');
    const created = (await designer.post('/api/rehearsals', { definitionKey: 'support-escalation', startAt: '2026-01-09T15:30:00Z' })).body;
    await designer.post(`/api/rehearsals/${created.id}/instances`, { businessKey: 'ACME', variables: REQUEST });
    await designer.post(`/api/rehearsals/${created.id}/clock`, { nextTimer: true });
    expect((await designer.post(`/api/rehearsals/${created.id}/scenarios`, { name: 'Escalates after a working day' })).status).to.equal(201);
    await designer.delete(`/api/rehearsals/${created.id}`);
    const { page } = await openModeler(e2e);
    await openVersion(page, 'support-escalation');
    // when it is replayed against the deployed version
    await page.getByRole('button', { name: 'Rehearse' }).click();
    await page.getByRole('button', { name: 'Replay Escalates after a working day' }).click();
    // then it passes, and its path is green on the diagram
    expect(await rehearsalStatus(page, /passed/)).to.contain('all 2 steps went as recorded');
    expect(await page.locator('[data-scenario="Escalates after a working day"] .rh-verdict').textContent()).to.equal('Passed against support-escalation version 1');
    expect(await page.locator('.djs-element.rehearsal-passed').count()).to.be.greaterThan(0);
    // when the designer gives first line two working days, and replays against the drawing
    await page.getByRole('button', { name: 'Back to editing' }).click();
    await page.evaluate(() => {
      const modeler = (window as any).lifelineModeler;
      const element = modeler.get('elementRegistry').get('notHandledInADay');
      const definition = element.businessObject.eventDefinitions[0];
      modeler.get('modeling').updateModdleProperties(element, definition, { timeDuration: modeler.get('moddle').create('bpmn:FormalExpression', { body: 'P2D' }) });
    });
    await page.getByRole('button', { name: 'Rehearse' }).click();
    await page.getByRole('button', { name: 'Replay Escalates after a working day' }).click();
    // then it fails at the clock move, and the specialist's task (never reached) is marked on the diagram
    expect(await rehearsalStatus(page, /failed/)).to.contain('failed at step 2 (clock to the next timer): the path went otherwise');
    const verdict = page.locator('[data-scenario="Escalates after a working day"] .rh-verdict');
    expect(await verdict.locator('.rh-verdict-line').textContent()).to.equal('Failed against a drawing (not deployed) at step 2: clock to the next timer');
    expect(await verdict.textContent()).to.contain('Expected, did not happen:').and.to.contain('task.created · Answer the request (second line)');
    const canvas = () => page.evaluate(() => {
      const c = (window as any).lifelineRehearsal.get('canvas');
      return { subprocess: c.hasMarker('resolveRequest', 'rehearsal-differs'), specialist: c.hasMarker('specialistAnswers', 'rehearsal-differs'), root: c.getRootElement().id };
    });
    expect(await canvas()).to.deep.include({ subprocess: true, specialist: true });
    await verdict.getByRole('button', { name: 'Show where on the diagram' }).click();
    expect((await canvas()).root).to.equal('resolveRequest_plane');
    await screenshot(page, 'rehearse-scenarios');
  });
});
