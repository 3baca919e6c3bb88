import { expect } from 'chai';
import { useE2e } from '../support/e2eHarness.js';
import { screenshot } from '../support/browser.js';

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
});
