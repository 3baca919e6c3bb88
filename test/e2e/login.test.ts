import { expect } from 'chai';
import { useE2e } from './support/e2eHarness.js';
import { screenshot } from './support/browser.js';

describe('App: login, navigation and access', () => {
  const e2e = useE2e();

  it('should log a designer in through the form and open the modeler, with Processes beside it in their navigation', async () => {
    // given
    const { page } = await e2e.open();
    await page.goto('/');
    await page.waitForURL('**/login');
    // the title is set in an effect after the URL changes: wait for it
    await page.waitForFunction(() => document.title === 'Log in · Lifeline');
    await page.getByRole('heading', { name: 'Demo users' }).waitFor();
    await screenshot(page, 'login');
    // when
    await e2e.logIn(page, 'designer');
    // then
    await page.waitForURL('**/modeler');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).to.deep.equal(['Modeler', 'Processes']);
    await page.waitForFunction(() => document.title === 'Modeler · Lifeline');
  });

  it('should say plainly that the username or password is wrong', async () => {
    // given
    const watched = await e2e.open();
    watched.expectConsole(/status of 401/);
    await watched.page.goto('/login');
    // when
    await watched.page.getByLabel('Username').fill('designer');
    await watched.page.getByLabel('Password').fill('not the password');
    await watched.page.getByRole('button', { name: 'Log in' }).click();
    // then
    const alert = watched.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).to.contain('Wrong username or password');
    expect(new URL(watched.page.url()).pathname).to.equal('/login');
  });

  it('should open a deep link to /modeler after logging in', async () => {
    // given
    const { page } = await e2e.open();
    await page.goto('/modeler');
    await page.waitForURL('**/login?next=%2Fmodeler');
    // when
    await e2e.logIn(page, 'designer');
    // then
    await page.waitForURL('**/modeler');
    await page.locator('.djs-container').waitFor();
  });

  it('should tell an employee that the modeler is not for them instead of failing', async () => {
    // given
    const { page } = await e2e.open();
    await e2e.logIn(page, 'employee');
    // when
    await page.goto('/modeler');
    // then
    await page.getByRole('heading', { name: 'You may not see this page' }).waitFor();
    expect(await page.locator('main').textContent()).to.contain('Modeler is for designers');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Modeler' }).count()).to.equal(0);
    await screenshot(page, 'not-allowed');
  });

  it('should log out from the user menu', async () => {
    // given
    const { page } = await e2e.open();
    await e2e.logIn(page, 'designer');
    // when
    await page.getByRole('button', { name: /Dana Designer/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    // then
    await page.waitForURL('**/login');
    await page.goto('/modeler');
    await page.waitForURL('**/login?next=%2Fmodeler');
  });

  it('should log out while a page is still reading, without an error from the ended session', async () => {
    // given: the modeler's read of the calendars is held until the session has ended
    const { page } = await e2e.open();
    let loggedOut!: () => void;
    const ended = new Promise<void>((resolve) => (loggedOut = resolve));
    await page.route('**/api/calendars', async (route) => {
      await ended;
      await route.continue().catch(() => {});
    });
    const reading = page.waitForRequest('**/api/calendars');
    await e2e.logIn(page, 'designer');
    await reading;
    // when
    await page.getByRole('button', { name: /Dana Designer/ }).click();
    const logout = page.waitForResponse('**/api/auth/logout');
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await logout;
    loggedOut();
    // then: the login page, and (checked after each test) no console error of a 401
    await page.waitForURL('**/login');
    await page.getByRole('button', { name: 'Log in' }).waitFor();
  });

  it('should log in with the keyboard alone', async () => {
    // given
    const { page } = await e2e.open();
    await page.goto('/login');
    await page.locator('#login-username:focus').waitFor();
    // when: focus starts in Username
    await page.keyboard.type('designer');
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    // then
    await page.waitForURL('**/modeler');
  });

  it('should fit a narrow screen: login and header without horizontal scrolling', async () => {
    // given
    const { page } = await e2e.open({ width: 390, height: 844 });
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Demo users' }).waitFor();
    await screenshot(page, 'login-narrow');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
    // when
    await e2e.logIn(page, 'admin');
    // then
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Modeler' }).waitFor();
    await page.locator('.djs-container').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(390);
    await screenshot(page, 'header-narrow');
  });
});
