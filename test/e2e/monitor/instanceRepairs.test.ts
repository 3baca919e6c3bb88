import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useE2e } from '../support/e2eHarness.js';
import { screenshot } from '../support/browser.js';
import { deploy, failingPayment, HOUR, shape, startPayment } from './support.js';

const history = (page: Page) => page.getByRole('region', { name: 'History' });

describe('Monitor: repairs on the instance page', () => {
  const e2e = useE2e();
  beforeEach(() => deploy(e2e.api));

  it('should let a manager find an overdue task and reassign it, in the history under their name', async () => {
    // given: a check that is overdue
    const id = await startPayment(e2e.api, 'ORD-LATE');
    e2e.api.clock.advance(3 * HOUR);
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    await page.goto('/monitor');
    await page.getByRole('link', { name: '1 instance of Card payment with overdue tasks' }).click();
    await page.getByRole('region', { name: 'Matching instances' }).getByRole('link', { name: 'ORD-LATE' }).click();
    const tasks = page.getByRole('region', { name: 'Open tasks' });
    await tasks.getByText('Overdue: was due 1 h ago').waitFor();
    await tasks.getByText('Unassigned · candidates: group sales').waitFor();
    // when
    await tasks.getByRole('button', { name: 'Reassign Check order' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reassign ‘Check order’' });
    await dialog.getByLabel('Give it to').selectOption({ label: 'Erin Employee (candidate)' });
    await screenshot(page, 'monitor-reassign-dialog');
    await dialog.getByRole('button', { name: 'Reassign' }).click();
    // then
    await tasks.getByText('Assigned to Erin Employee').waitFor();
    await history(page).getByText('Max Manager assigned ‘Check order’ to Erin Employee').waitFor();
    const [task] = (await e2e.api.engine.listTasks({ instanceId: id, state: 'created' })).items;
    expect(task.assignee).to.equal('employee');
  });

  it('should move a token picked on the diagram, after confirming', async () => {
    // given
    const id = await startPayment(e2e.api, 'ORD-SKIP', { cardNumber: '4111' });
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    await page.goto(`/monitor/instances/${id}`);
    await page.locator('.djs-element.mon-active[data-element-id="checkOrder"]').waitFor();
    // when: from "Check order" to "Charge card", both clicked on the diagram
    await page.getByRole('button', { name: 'Move token' }).click();
    const bar = page.getByRole('region', { name: 'Move a token' });
    await bar.getByText('Click the element to take the token from').waitFor();
    await shape(page, 'checkOrder').click();
    await bar.getByText('Now click where the token should go.').waitFor();
    await shape(page, 'charge').click();
    expect(await bar.getByLabel('From').inputValue()).to.equal('checkOrder');
    expect(await bar.getByLabel('To').inputValue()).to.equal('charge');
    await page.locator('.djs-element.mon-pick-to[data-element-id="charge"]').waitFor();
    await screenshot(page, 'monitor-move-token');
    await bar.getByRole('button', { name: 'Move token…' }).click();
    await page.getByRole('dialog', { name: 'Move the token' }).getByRole('button', { name: 'Move token' }).click();
    // then
    await page.getByRole('status').getByText('The token is moved.').waitFor();
    await page.locator('.djs-element.mon-active[data-element-id="charge"]').waitFor();
    await history(page).getByText('Max Manager cancelled the token at ‘Check order’ and started a token at ‘Charge card’').waitFor();
    expect((await e2e.api.engine.getInstance(id)).activeElements).to.deep.equal(['charge']);
    await page.getByRole('region', { name: 'Timers, jobs and messages' }).getByText('type charge-card · waiting for a worker · 1 retry left').waitFor();
  });

  it('should add and change variables and cancel the instance, each confirmed and recorded', async () => {
    // given
    const id = await startPayment(e2e.api, 'ORD-VARS', { amount: 120 });
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    await page.goto(`/monitor/instances/${id}`);
    const variables = page.getByRole('region', { name: 'Variables' });
    await variables.getByText('120').waitFor();
    // when: a new variable
    await variables.getByRole('button', { name: 'Add variable' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a variable' });
    await dialog.getByLabel('Variable name').fill('2fast');
    await dialog.getByText('A name starts with a letter').waitFor();
    await dialog.getByLabel('Variable name').fill('customer');
    await dialog.getByLabel('Value').fill('{"name": "Ann", "tier": "gold"}');
    await dialog.getByText('Stored as an object.').waitFor();
    await dialog.getByRole('button', { name: 'Set variable' }).click();
    // then
    await variables.getByText('{"name":"Ann","tier":"gold"}').waitFor();
    // when: a changed one
    await variables.getByRole('button', { name: 'Edit amount' }).click();
    dialog = page.getByRole('dialog', { name: 'Change ‘amount’' });
    await dialog.getByLabel('Value').fill('99.5');
    await dialog.getByRole('button', { name: 'Set variable' }).click();
    await variables.getByText('99.5').waitFor();
    // when: cancelled, after saying no once
    await page.getByRole('button', { name: 'Cancel instance…' }).click();
    dialog = page.getByRole('dialog', { name: 'Cancel ORD-VARS' });
    await dialog.getByRole('button', { name: 'Keep as is' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await e2e.api.engine.getInstance(id)).state).to.equal('active');
    await page.getByRole('button', { name: 'Cancel instance…' }).click();
    await page.getByRole('dialog', { name: 'Cancel ORD-VARS' }).getByRole('button', { name: 'Cancel instance' }).click();
    // then
    await page.locator('.mon-title-line .mon-state-cancelled').waitFor();
    await history(page).getByText('Max Manager cancelled the instance').waitFor();
    await history(page).getByText('Max Manager set amount = 99.5').waitFor();
    await history(page).getByText('Max Manager set customer = {"name":"Ann","tier":"gold"}').waitFor();
    expect(await page.getByRole('button', { name: 'Add variable' }).count(), 'an ended instance is not edited').to.equal(0);
    expect((await e2e.api.engine.getInstance(id)).variables).to.deep.equal({ amount: 99.5, customer: { name: 'Ann', tier: 'gold' } });
  });

  it('should resolve an incident without retrying, and show the server refusing a repair that no longer applies', async () => {
    // given: two incidents' worth of instances; one is resolved behind the manager's back
    const id = await failingPayment(e2e.api, 'ORD-RESOLVE');
    const watched = await e2e.open();
    const { page } = watched;
    await e2e.logIn(page, 'manager');
    await page.goto(`/monitor/instances/${id}`);
    const incidents = page.getByRole('region', { name: '1 incident' });
    await incidents.waitFor();
    const [incident] = (await e2e.api.engine.listIncidents({ instanceId: id })).items;
    await e2e.api.engine.resolveIncident(incident.id, 'admin');
    // when
    await incidents.getByRole('button', { name: 'Resolve the incident at Charge card' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resolve the incident at ‘Charge card’' });
    watched.expectConsole(/status of 409/);
    await dialog.getByRole('button', { name: 'Resolve without retrying' }).click();
    // then: the server's reason shows in the dialog
    await dialog.getByRole('alert').getByText('is already resolved').waitFor();
    await dialog.getByRole('button', { name: 'Keep as is' }).click();
    await incidents.waitFor({ state: 'detached', timeout: 10_000 });
    await history(page).getByText('Ada Admin resolved the incident at ‘Charge card’ without retrying').waitFor();
  });

  it('should be usable with the keyboard alone: a count, an instance, the retry dialog and Escape', async () => {
    // given
    await failingPayment(e2e.api, 'ORD-KEYS');
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    await page.goto('/monitor');
    const link = page.getByRole('link', { name: '1 running instance of Card payment with incidents' });
    await link.waitFor();
    // when: tabbing to the count
    for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // then
    await page.waitForURL('**/monitor/instances?**');
    const row = page.getByRole('region', { name: 'Matching instances' }).getByRole('link', { name: 'ORD-KEYS' });
    await row.focus();
    await page.keyboard.press('Enter');
    const retry = page.getByRole('button', { name: 'Retry Charge card' });
    await retry.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Retry ‘Charge card’' });
    await dialog.waitFor();
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).to.equal(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});
