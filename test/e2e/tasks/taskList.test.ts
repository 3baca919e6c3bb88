import { expect } from 'chai';
import { useE2e } from '../support/e2eHarness.js';
import { screenshot } from '../support/browser.js';
import { deployQuotes, startQuote } from './quotes.js';

describe('App: the task list', () => {
  const e2e = useE2e();
  beforeEach(() => deployQuotes(e2e.api));

  it('should let an employee claim a task from their group, see a validation error on the field, complete it, and see the list follow', async () => {
    // given: two quote requests for group support
    await startQuote(e2e.api, 'ACME-1001', { request: 'Forty office chairs', urgent: true });
    await startQuote(e2e.api, 'GLOBEX-7');
    const { page } = await e2e.open();
    await e2e.logIn(page, 'employee');
    await page.waitForURL('**/tasks');
    // when: the employee opens "Tasks I can claim" and the ACME task
    await page.getByRole('link', { name: /Tasks I can claim/ }).click();
    const claimable = page.getByRole('list', { name: 'Tasks I can claim' });
    await claimable.getByRole('link', { name: /ACME-1001/ }).waitFor();
    expect(await claimable.getByRole('link').count()).to.equal(2);
    await screenshot(page, 'tasks-claimable');
    await claimable.getByRole('link', { name: /ACME-1001/ }).click();
    await page.getByRole('heading', { name: 'Prepare quote', level: 1 }).waitFor();
    expect(await page.getByLabel('Customer request').inputValue()).to.equal('Forty office chairs');
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('status').filter({ hasText: 'You claimed' }).waitFor();
    // then: it moved to my tasks (count 1) and out of the claimable list
    await page.getByRole('link', { name: /My tasks\s*1/ }).waitFor();
    await page.waitForFunction(() => document.title === '(1) Prepare quote · Tasks · Lifeline');
    await page.getByRole('list', { name: 'Tasks I can claim' }).getByRole('link').first().waitFor();
    expect(await page.getByRole('list', { name: 'Tasks I can claim' }).getByRole('link').count()).to.equal(1);

    // when: completing with the note too short and no amount
    await page.getByLabel('Note to the customer').fill('Ok');
    await page.getByRole('button', { name: 'Complete task' }).click();
    // then: the form says what is wrong, on the fields
    const amount = page.locator('.fjs-form-field', { has: page.getByLabel('Quoted amount (EUR)') });
    await amount.getByText('Field is required.').waitFor();
    await page.locator('.fjs-form-field', { has: page.getByLabel('Note to the customer') }).getByText('Field must have minimum length of 5.').waitFor();
    await screenshot(page, 'task-form-errors');

    // when: filled in properly
    await page.getByLabel('Quoted amount (EUR)').fill('1200');
    await page.getByLabel('Note to the customer').fill('Delivery within two weeks.');
    await page.getByRole('button', { name: 'Complete task' }).click();
    // then: done, and my list is empty again
    await page.getByText('This task is done.').waitFor();
    await page.getByRole('link', { name: /My tasks\s*0/ }).waitFor();
    await page.waitForFunction(() => document.title === 'Prepare quote · Tasks · Lifeline');
    expect(await page.getByRole('button', { name: 'Complete task' }).count()).to.equal(0);
    await screenshot(page, 'task-completed');
    const [task] = (await e2e.api.engine.listTasks({ businessKey: 'ACME-1001', state: 'completed' })).items;
    expect(task.completedBy).to.equal('employee');
  });

  it("should update a second employee's list without a reload when the first claims their shared task", async () => {
    // given: employee and specialist (both in support) look at the tasks they can claim
    await startQuote(e2e.api, 'INITECH-5');
    await startQuote(e2e.api, 'UMBRELLA-9');
    const first = await e2e.open();
    const second = await e2e.open();
    await e2e.logIn(first.page, 'employee');
    await e2e.logIn(second.page, 'specialist');
    for (const { page } of [first, second]) {
      await page.goto('/tasks?view=claimable');
      await page.getByRole('list', { name: 'Tasks I can claim' }).getByRole('link', { name: /INITECH-5/ }).waitFor();
    }
    await second.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    // when: the employee claims the INITECH task
    await first.page.getByRole('link', { name: /INITECH-5/ }).click();
    await first.page.getByRole('button', { name: 'Claim' }).click();
    // then: it leaves the specialist's list, and the count follows, with no reload
    const secondList = second.page.getByRole('list', { name: 'Tasks I can claim' });
    await secondList.getByRole('link', { name: /INITECH-5/ }).waitFor({ state: 'detached' });
    expect(await secondList.getByRole('link').allTextContents()).to.have.length(1);
    await second.page.getByRole('link', { name: /Tasks I can claim\s*1/ }).waitFor();
    expect(await second.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).to.equal(true);
    // and a new task shows up the same way
    await startQuote(e2e.api, 'HOOLI-3');
    await secondList.getByRole('link', { name: /HOOLI-3/ }).waitFor();
  });

  it("should show the server's rejection of a form on the field it names", async () => {
    // given: a claimed task, and a browser whose request loses the note on the way (as a stale or tampered client would)
    const id = await startQuote(e2e.api, 'ACME-2002');
    await e2e.api.engine.claimTask(id, 'employee');
    const watched = await e2e.open();
    watched.expectConsole(/status of 422/);
    const { page } = watched;
    await e2e.logIn(page, 'employee');
    await page.goto(`/tasks/${id}`);
    await page.route('**/api/tasks/*/complete', (route) => route.continue({ postData: JSON.stringify({ variables: { amount: 500 } }) }));
    // when
    await page.getByLabel('Quoted amount (EUR)').fill('500');
    await page.getByLabel('Note to the customer').fill('Here is your quote.');
    await page.getByRole('button', { name: 'Complete task' }).click();
    // then: the server's message, on the note field, and the task still open
    await page.locator('.fjs-form-field', { has: page.getByLabel('Note to the customer') }).getByText('Note to the customer is required').waitFor();
    await page.getByRole('alert').filter({ hasText: 'The server did not accept the form' }).waitFor();
    expect((await e2e.api.engine.getTask(id)).state).to.equal('created');
  });

  it('should let a manager find an overdue task and hand it to a specialist', async () => {
    // given: a quote request that was due yesterday; one 13 hours old, at risk of its SLA (12 hours) but not due yet; one new
    const id = await startQuote(e2e.api, 'STARK-12', { request: 'Armour plating' });
    await startQuote(e2e.api, 'WAYNE-3');
    await e2e.api.engine.claimTask(id, 'employee');
    e2e.api.clock.advance(35 * 3_600_000);
    await startQuote(e2e.api, 'OSCORP-1');
    e2e.api.clock.advance(13 * 3_600_000);
    await startQuote(e2e.api, 'WAYNE-4');
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    // when: the manager lists everyone's overdue tasks
    await page.getByRole('link', { name: /All tasks/ }).click();
    const list = page.getByRole('list', { name: 'All tasks' });
    await list.getByRole('link', { name: /WAYNE-4/ }).waitFor();
    await page.getByRole('button', { name: 'Overdue' }).click();
    await page.waitForURL('**/tasks?view=all&due=overdue');
    await list.getByRole('link', { name: /WAYNE-4/ }).waitFor({ state: 'detached' });
    const listed = async () => (await list.getByRole('link').allTextContents()).map((text) => /STARK-12|WAYNE-3|WAYNE-4|OSCORP-1/.exec(text)?.[0]).sort();
    expect(await listed()).to.deep.equal(['STARK-12', 'WAYNE-3']);
    // when: any due date, but only the tasks at risk of their SLA
    await page.getByRole('button', { name: 'Any time' }).click();
    await page.getByLabel('SLA', { exact: true }).selectOption('at_risk');
    // then
    await page.waitForURL('**/tasks?view=all&sla=at_risk');
    await list.getByRole('link', { name: /STARK-12/ }).waitFor({ state: 'detached' });
    expect(await listed()).to.deep.equal(['OSCORP-1']);
    // when: those past it
    await page.getByLabel('SLA', { exact: true }).selectOption('breached');
    // then
    await page.waitForURL('**/tasks?view=all&sla=breached');
    await list.getByRole('link', { name: /OSCORP-1/ }).waitFor({ state: 'detached' });
    expect(await listed()).to.deep.equal(['STARK-12', 'WAYNE-3']);
    await list.getByRole('link', { name: /STARK-12/ }).click();
    await page.getByText(/Overdue by (1|2) days?/).first().waitFor();
    await page.locator('.task-facts').getByText('SLA breached').waitFor();
    await screenshot(page, 'tasks-manager-overdue');
    await page.getByRole('button', { name: 'Assign…' }).click();
    const dialog = page.getByRole('dialog', { name: /Assign/ });
    await dialog.getByLabel('Find a colleague').fill('sam');
    await dialog.getByRole('radio', { name: /Sam Specialist/ }).check();
    await screenshot(page, 'tasks-assign-dialog');
    await dialog.getByRole('button', { name: 'Assign' }).click();
    // then
    await page.getByRole('status').filter({ hasText: 'assigned to Sam Specialist now' }).waitFor();
    expect((await e2e.api.engine.getTask(id)).assignee).to.equal('specialist');
    await page.getByRole('listitem').filter({ hasText: 'handed “Prepare quote” to Sam Specialist' }).waitFor();
  });

  it('should say what happened instead of offering to complete a task that was completed or cancelled elsewhere', async () => {
    // given: the employee has a claimed task open
    const id = await startQuote(e2e.api, 'ACME-3003');
    await e2e.api.engine.claimTask(id, 'employee');
    const { page } = await e2e.open();
    await e2e.logIn(page, 'employee');
    await page.goto(`/tasks/${id}`);
    await page.getByRole('button', { name: 'Complete task' }).waitFor();
    // when: a manager completes it meanwhile (elsewhere)
    await e2e.api.engine.completeTask(id, { amount: 10, note: 'Agreed by phone' }, 'manager');
    // then
    await page.getByText('This task is done.').waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Max Manager completed it' }).count()).to.equal(1);
    expect(await page.getByRole('button', { name: 'Complete task' }).count()).to.equal(0);

    // given: another task of hers; when its instance is cancelled
    const other = await startQuote(e2e.api, 'ACME-3004');
    await e2e.api.engine.claimTask(other, 'employee');
    await page.goto(`/tasks/${other}`);
    await page.getByRole('button', { name: 'Complete task' }).waitFor();
    await e2e.api.engine.cancelInstance((await e2e.api.engine.getTask(other)).instanceId, 'manager');
    // then
    await page.getByText('This task was cancelled.').waitFor();
    expect(await page.getByRole('button', { name: 'Complete task' }).count()).to.equal(0);
    await screenshot(page, 'task-cancelled');
  });

  it('should fit a narrow screen: the list, then the task with a way back, reachable by keyboard', async () => {
    // given
    await startQuote(e2e.api, 'ACME-4004', { urgent: true });
    const { page } = await e2e.open({ width: 390, height: 844 });
    await e2e.logIn(page, 'employee');
    await page.goto('/tasks?view=claimable');
    const link = page.getByRole('link', { name: /ACME-4004/ });
    await link.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
    await screenshot(page, 'tasks-narrow');
    // when: by keyboard
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Claim' }).focus();
    await page.keyboard.press('Enter');
    // then
    await page.getByRole('status').filter({ hasText: 'You claimed' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
    await screenshot(page, 'task-narrow');
    await page.getByRole('link', { name: '← All tasks' }).click();
    await page.getByRole('link', { name: /My tasks\s*1/ }).waitFor();
  });

  it('should let an employee hand her task to a colleague, and find tasks due today', async () => {
    // given: at 06:00 tomorrow (local time; ahead of the browser's clock, so session cookies stay valid) her task is started,
    // due a day later; 20 hours on it is due today, and a task started then is due tomorrow
    const now = new Date();
    e2e.api.clock.set(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 6, 0));
    const id = await startQuote(e2e.api, 'ACME-5005');
    await e2e.api.engine.claimTask(id, 'employee');
    e2e.api.clock.advance(20 * 3_600_000);
    await startQuote(e2e.api, 'ACME-5006');
    const watched = await e2e.open();
    watched.expectConsole(/status of 404/); // her task page, once the task is no longer hers
    const { page } = watched;
    await e2e.logIn(page, 'employee');
    await page.goto('/tasks?view=claimable');
    await page.getByRole('link', { name: /ACME-5006/ }).waitFor();
    await page.getByRole('button', { name: 'Due today' }).click();
    await page.getByText('No tasks match these filters.').waitFor();
    await page.getByRole('link', { name: /My tasks/ }).click();
    await page.waitForURL('**/tasks?due=today');
    const mine = page.getByRole('list', { name: 'My tasks' }).getByRole('link', { name: /ACME-5005/ });
    expect(await mine.textContent(), '20 hours into a day').to.contain('At risk');
    await mine.click();
    // when
    await page.getByRole('button', { name: 'Delegate…' }).click();
    const dialog = page.getByRole('dialog', { name: /Delegate/ });
    expect(await dialog.getByRole('radio', { name: /Erin Employee/ }).count(), 'not to herself').to.equal(0);
    await dialog.getByRole('radio', { name: /Sam Specialist/ }).check();
    await dialog.getByRole('button', { name: 'Delegate' }).click();
    // then: it is Sam's now, gone from her list, and she can no longer open it
    await page.getByText('This task is not available to you any more.').waitFor();
    await page.getByRole('link', { name: /My tasks\s*0/ }).waitFor();
    expect((await e2e.api.engine.getTask(id)).assignee).to.equal('specialist');
  });
});
