import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import { useE2e } from '../support/e2eHarness.js';
import { screenshot } from '../support/browser.js';

/** Clicks "Start process" and waits for the notice that it started; fails with the page's own message when it did not. */
async function startProcess(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Start process' }).click();
  const started = page.getByRole('status').filter({ hasText: 'Instance started' });
  const refused = page.getByRole('alert');
  await started.or(refused).first().waitFor();
  if (!(await started.isVisible())) throw new Error(`the process did not start: ${await refused.first().textContent()} (fields: ${await page.locator('.fjs-has-errors').allTextContents()})`);
  return started;
}

describe('App: starting a process from its start form', () => {
  const e2e = useE2e();

  it('should let an employee register a customer request through its start form, see a validation error on a field, start it and go to its first task', async () => {
    // given: the employee on the Processes page
    const { page } = await e2e.open();
    await e2e.logIn(page, 'employee');
    await page.waitForURL('**/tasks');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Processes' }).click();
    await page.waitForURL('**/tasks/start');
    const processes = page.getByRole('list', { name: 'Processes' });
    const support = processes.getByRole('link', { name: /Tiered support escalation/ });
    await support.waitFor();
    expect(await support.textContent()).to.contain('A customer request (business key: the customer)');
    // when: opening its start form and filling it with an email address that is none, and no summary
    await support.click();
    await page.getByRole('heading', { name: 'Tiered support escalation', level: 1 }).waitFor();
    await page.getByLabel(/^Customer\s*\*?$/).fill('ACME');
    await page.getByLabel('Contact person').fill('Ann Arbor');
    await page.getByLabel(/^Critical/).click();
    await page.getByLabel('Customer email').fill('ann at acme');
    await page.getByRole('button', { name: 'Start process' }).click();
    // then: the form says what is wrong, on the fields, and nothing started
    await page.locator('.fjs-form-field', { has: page.getByLabel('Customer email') }).getByText('Field must be a valid email.').waitFor();
    await page.locator('.fjs-form-field', { has: page.getByLabel('Summary') }).getByText('Field is required.').waitFor();
    await page.getByRole('alert').filter({ hasText: 'Some fields need your attention' }).waitFor();
    expect((await e2e.api.engine.listInstances({ definitionKey: 'support-escalation' })).total).to.equal(0);
    await screenshot(page, 'start-form-errors');
    // when: corrected and started
    await page.getByLabel('Customer email').fill('ann@acme.example');
    await page.getByLabel('Summary').fill('Production line stopped');
    await page.getByLabel('Details').fill('Since 8 am, error E42 on the press.');
    await page.getByRole('button', { name: 'Start process' }).click();
    // then: it says what happened, with the new instance's first task to claim
    const started = page.getByRole('status').filter({ hasText: 'Instance started' });
    await started.waitFor();
    expect(await started.textContent()).to.contain('“Tiered support escalation” is running for ACME');
    expect(await started.textContent()).to.contain('“Answer the request (first line)” is waiting for you or your group to claim it.');
    await screenshot(page, 'start-started');
    const [instance] = (await e2e.api.engine.listInstances({ definitionKey: 'support-escalation' })).items;
    expect(instance).to.include({ businessKey: 'ACME', startedBy: 'employee' });
    expect(instance.variables).to.include({ customerEmail: 'ann@acme.example', severity: 'critical', summary: 'Production line stopped' });
    // when: following the link, the task is there with the request
    await started.getByRole('link', { name: 'Open the task' }).click();
    await page.getByRole('heading', { name: 'Answer the request (first line)', level: 1 }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Request', exact: true }).inputValue()).to.equal('Production line stopped');
    expect(await page.getByLabel('Details').inputValue()).to.equal('Since 8 am, error E42 on the press.');
  });

  it('should let a manager plan an event with its invitee list in the start form, keyed by the campaign id', async () => {
    // given
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    await page.goto('/tasks/start/campaign-invitation');
    await page.getByRole('heading', { name: 'Campaign invitations', level: 1 }).waitFor();
    // when: the event, and two invitees (one row more than the form starts with)
    await page.getByLabel(/^Campaign id/).fill('spring-fair');
    await page.getByLabel(/^Name/).first().fill('Spring fair');
    await page.getByLabel(/^Place/).fill('Hall 1');
    await page.getByLabel(/^Date/).fill('03/20/2026');
    await page.getByLabel(/^Date/).press('Enter');
    await page.getByLabel('Budget (EUR)').fill('5000');
    const invitees = page.getByRole('group', { name: 'Invitees' });
    await invitees.getByLabel(/^Customer/).fill('ANN');
    await invitees.getByLabel(/^Name/).fill('Ann Arbor');
    await invitees.getByLabel(/^Email/).fill('ann@customer.example');
    await invitees.getByRole('button', { name: /Add/ }).click();
    await invitees.getByLabel(/^Customer/).nth(1).fill('BOB');
    await invitees.getByLabel(/^Name/).nth(1).fill('Bob Baker');
    await invitees.getByLabel(/^Email/).nth(1).fill('bob@customer.example');
    expect(await page.getByLabel(/^Date/).inputValue()).to.equal('3/20/2026');
    await screenshot(page, 'start-plan-event');
    const started = await startProcess(page);
    // then: started for the campaign, nothing in it is the manager's, the monitor is one click away
    expect(await started.textContent()).to.contain('is running for spring-fair').and.to.contain('Nothing in it is waiting for you now');
    await started.getByRole('link', { name: 'See it in the monitor' }).waitFor();
    const [campaign] = (await e2e.api.engine.listInstances({ definitionKey: 'campaign-invitation' })).items;
    expect(campaign.businessKey).to.equal('spring-fair');
    expect(campaign.variables).to.deep.include({
      event: { id: 'spring-fair', name: 'Spring fair', date: '2026-03-20', place: 'Hall 1', budget: 5000 },
      reminderAfter: 'P3D',
    });
    expect((campaign.variables.invitees as { id: string; email: string }[]).map((i) => `${i.id} ${i.email}`)).to.deep.equal(['ANN ann@customer.example', 'BOB bob@customer.example']);
  });

  it("should show the server's refusal of a start form on the row of the list it names", async () => {
    // given: a browser whose request loses the second invitee's address on the way (as a stale or tampered client would)
    const watched = await e2e.open();
    watched.expectConsole(/status of 422/);
    const { page } = watched;
    await e2e.logIn(page, 'manager');
    await page.goto('/tasks/start/campaign-invitation');
    await page.route('**/api/process-definitions/campaign-invitation/submit-form', (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}');
      body.variables.invitees[1].email = 'bob at customer';
      return route.continue({ postData: JSON.stringify(body) });
    });
    // when
    await page.getByLabel(/^Campaign id/).fill('autumn-fair');
    await page.getByLabel(/^Name/).first().fill('Autumn fair');
    await page.getByLabel(/^Place/).fill('Hall 2');
    await page.getByLabel(/^Date/).fill('10/01/2026');
    await page.getByLabel(/^Date/).press('Enter');
    const invitees = page.getByRole('group', { name: 'Invitees' });
    await invitees.getByRole('button', { name: /Add/ }).click();
    for (const [row, [id, name, email]] of [['ANN', 'Ann Arbor', 'ann@customer.example'], ['BOB', 'Bob Baker', 'bob@customer.example']].entries()) {
      await invitees.getByLabel(/^Customer/).nth(row).fill(id);
      await invitees.getByLabel(/^Name/).nth(row).fill(name);
      await invitees.getByLabel(/^Email/).nth(row).fill(email);
    }
    await page.getByRole('button', { name: 'Start process' }).click();
    // then: the server's message is on bob's email, not ann's, and nothing started
    await page.getByRole('alert').filter({ hasText: 'The server did not accept the form' }).waitFor();
    const emailFields = invitees.locator('.fjs-form-field', { has: page.getByLabel(/^Email/) });
    await emailFields.nth(1).getByText('Email must be an email address').waitFor();
    expect(await emailFields.nth(0).getByText('Email must be an email address').count()).to.equal(0);
    expect((await e2e.api.engine.listInstances({ definitionKey: 'campaign-invitation' })).total).to.equal(0);
  });

  it('should let a designer start a process too, with no task links, and fit a narrow screen', async () => {
    // given
    const { page } = await e2e.open({ width: 390, height: 844 });
    await e2e.logIn(page, 'designer');
    await page.waitForURL('**/modeler**');
    await page.goto('/tasks/start');
    // when: the list, then one process with a way back
    const list = page.getByRole('list', { name: 'Processes' });
    await list.getByRole('link', { name: /Service renewal reminder/ }).waitFor();
    expect(await page.getByRole('link', { name: '← My tasks' }).count()).to.equal(0);
    await screenshot(page, 'start-narrow');
    await list.getByRole('link', { name: /Service renewal reminder/ }).click();
    await page.getByRole('link', { name: '← All processes' }).waitFor();
    await page.getByLabel(/^Customer/).fill('INITECH');
    await page.getByLabel(/^Account manager/).fill('alex');
    await page.getByLabel(/^Service ends on/).fill('06/30/2026');
    await page.getByLabel(/^Service ends on/).press('Enter');
    const started = await startProcess(page);
    // then
    expect(await started.textContent()).to.contain('is running for INITECH').and.to.contain('The process goes on with the people its tasks are for.');
    const [renewal] = (await e2e.api.engine.listInstances({ definitionKey: 'renewal-reminder' })).items;
    expect(renewal.variables).to.include({ serviceEnd: '2026-06-30', period: 'P1Y', accountManager: 'alex' });
    expect(renewal.startedBy).to.equal('designer');
  });
});

