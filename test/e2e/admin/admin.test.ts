import { expect } from 'chai';
import { useE2e } from '../support/e2eHarness.js';
import { screenshot } from '../support/browser.js';

describe('App: admin pages', () => {
  const e2e = useE2e();

  it('should let an admin create a user who can then log in, and disable them again', async () => {
    // given
    const { page } = await e2e.open();
    await page.goto('/login?next=%2Fadmin');
    await e2e.logIn(page, 'admin');
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).getAttribute('aria-current')).to.equal('page');
    await page.getByText('Erin Employee', { exact: true }).waitFor();
    await screenshot(page, 'admin-users');
    // when: a new employee in group support
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.getByText('Use at least 8 characters.').waitFor();
    await dialog.getByLabel('Username').fill('nina');
    await dialog.getByLabel('Display name').fill('Nina Newcomer');
    await dialog.getByLabel('Email').fill('nina@example.com');
    await dialog.getByLabel('Password', { exact: true }).fill('welcome-nina');
    await dialog.getByRole('checkbox', { name: /Support\b/ }).first().check();
    await screenshot(page, 'admin-new-user');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    // then: listed, and she can log in and sees the task list
    await page.getByRole('status').filter({ hasText: 'Nina Newcomer can log in now' }).waitFor();
    const row = page.getByRole('row', { name: /Nina Newcomer/ });
    expect(await row.textContent()).to.contain('nina@example.com').and.contain('Employee').and.contain('support').and.contain('Active');
    const nina = await e2e.open();
    nina.expectConsole(/status of 401/); // her open page, once she is disabled
    await e2e.logIn(nina.page, 'nina', 'welcome-nina');
    await nina.page.waitForURL('**/tasks');
    expect(await nina.page.getByRole('button', { name: /Nina Newcomer/ }).count()).to.equal(1);

    // when: the admin disables her
    await row.getByRole('button', { name: 'Disable Nina Newcomer' }).click();
    await page.getByRole('dialog', { name: 'Disable Nina Newcomer?' }).getByRole('button', { name: 'Disable' }).click();
    // then: she is logged out and cannot log in
    await page.getByRole('status').filter({ hasText: 'Nina Newcomer is disabled' }).waitFor();
    await row.getByText(/Disabled since/).waitFor();
    await nina.page.reload();
    await nina.page.waitForURL('**/login?next=%2Ftasks');
    const again = await e2e.open();
    again.expectConsole(/status of 403/);
    await again.page.goto('/login');
    await again.page.getByLabel('Username').fill('nina');
    await again.page.getByLabel('Password').fill('welcome-nina');
    await again.page.getByRole('button', { name: 'Log in' }).click();
    await again.page.getByRole('alert').filter({ hasText: 'disabled' }).waitFor();
  });

  it('should reset a password, edit roles, and manage groups and their members', async () => {
    // given
    const watched = await e2e.open();
    const { page } = watched;
    await page.goto('/login?next=%2Fadmin%2Fusers');
    await e2e.logIn(page, 'admin');
    // when: the specialist's password is reset and they become a manager too
    await page.getByRole('button', { name: 'Reset the password of Sam Specialist' }).click();
    await page.getByLabel('New password').fill('brand-new-secret');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('status').filter({ hasText: 'New password set for Sam Specialist' }).waitFor();
    await page.getByRole('button', { name: 'Edit Sam Specialist' }).click();
    await page.getByRole('dialog').getByRole('checkbox', { name: /Manager/ }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved Sam Specialist' }).waitFor();
    // then
    expect((await e2e.api.anonymous.post('/api/auth/login', { username: 'specialist', password: 'brand-new-secret' })).status).to.equal(200);
    expect((await e2e.api.anonymous.post('/api/auth/login', { username: 'specialist', password: 'demo' })).status).to.equal(401);
    expect(await page.getByRole('row', { name: /Sam Specialist/ }).textContent()).to.contain('Manager');

    // when: a group billing with the employee in it
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Groups' }).click();
    await page.waitForURL('**/admin/groups');
    await page.getByRole('button', { name: 'New group' }).click();
    const newGroup = page.getByRole('dialog', { name: 'New group' });
    await newGroup.getByLabel('Group id').fill('billing');
    await newGroup.getByLabel('Name').fill('Billing');
    await newGroup.getByRole('button', { name: 'Create group' }).click();
    const billing = page.getByRole('article', { name: /Billing/ });
    await billing.waitFor();
    await billing.getByLabel('Add a member to Billing').selectOption('employee');
    await billing.getByRole('button', { name: 'Add' }).click();
    await billing.getByRole('list', { name: 'Members of Billing' }).getByText('Erin Employee').waitFor();
    await screenshot(page, 'admin-groups');
    // then
    expect((await e2e.api.engine.listTasks({ limit: 1 })).total).to.be.a('number');
    const { users } = await import('../../../db/index.js');
    expect((await users.getGroup(e2e.api.db.knex, 'billing'))?.members).to.deep.equal(['employee']);
    // and removing her again
    await billing.getByRole('button', { name: 'Remove Erin Employee from Billing' }).click();
    await billing.getByText('No members yet.').waitFor();
    expect((await users.getGroup(e2e.api.db.knex, 'billing'))?.members).to.deep.equal([]);
  });

  it('should create a worker token whose secret is shown once and works, and revoke it', async () => {
    // given
    const { page } = await e2e.open();
    await page.goto('/login?next=%2Fadmin%2Ftokens');
    await e2e.logIn(page, 'admin');
    // when
    await page.getByRole('button', { name: 'New token' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API token' });
    await dialog.getByLabel('Name').fill('mail worker');
    await dialog.getByLabel('Owner', { exact: true }).selectOption('worker');
    await dialog.getByRole('radio', { name: /Worker only/ }).check();
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const secretBox = page.getByLabel('Token', { exact: true });
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    await screenshot(page, 'admin-token-created');
    await page.getByRole('button', { name: 'Done' }).click();
    // then: it works as a worker, is listed without its secret, and stops when revoked
    const asWorker = await fetch(`${e2e.api.base}/api/me`, { headers: { authorization: `Bearer ${secret}` } });
    expect((await asWorker.json()).roles).to.deep.equal(['worker']);
    const row = page.getByRole('row', { name: /mail worker/ });
    expect(await row.textContent()).to.contain('Worker only').and.not.contain(secret);
    await screenshot(page, 'admin-tokens');
    await row.getByRole('button', { name: 'Revoke mail worker' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
    await page.getByRole('status').filter({ hasText: 'Revoked “mail worker”' }).waitFor();
    expect((await fetch(`${e2e.api.base}/api/me`, { headers: { authorization: `Bearer ${secret}` } })).status).to.equal(401);
    expect(await page.getByRole('row', { name: /mail worker/ }).count()).to.equal(0);
  });

  it('should fit a narrow screen', async () => {
    const { page } = await e2e.open({ width: 390, height: 844 });
    await page.goto('/login?next=%2Fadmin%2Fusers');
    await e2e.logIn(page, 'admin');
    await page.getByText('Erin Employee', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
    await screenshot(page, 'admin-narrow');
  });
});
