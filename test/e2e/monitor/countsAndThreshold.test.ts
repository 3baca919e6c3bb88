import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useE2e } from '../support/e2eHarness.js';
import { screenshot } from '../support/browser.js';
import { checkOrder, deploy, failingPayment, HOUR, runCardWorker, startPayment } from './support.js';

/** The business keys the instance list shows, in order. */
async function listedKeys(page: Page): Promise<string[]> {
  const list = page.getByRole('region', { name: 'Matching instances' });
  await list.locator('tbody tr, .mon-empty').first().waitFor();
  return list.locator('tbody th').allTextContents();
}

describe('Monitor: counts, links and the stuck threshold', () => {
  const e2e = useE2e();

  it('should link every count of a process to the list of exactly the instances it counts', async () => {
    // given: one payment overdue at "Check order" (past its SLA), one at risk (its SLA: at risk after an hour, breached after two);
    // later one paid, one cancelled, one failing, one just started
    await deploy(e2e.api);
    await startPayment(e2e.api, 'ORD-OVERDUE');
    e2e.api.clock.advance(1.5 * HOUR);
    await startPayment(e2e.api, 'ORD-AT-RISK');
    e2e.api.clock.advance(1.5 * HOUR);
    const paid = await startPayment(e2e.api, 'ORD-PAID', { cardNumber: '4111' });
    await checkOrder(e2e.api, paid);
    await runCardWorker(e2e.api);
    await e2e.api.engine.cancelInstance(await startPayment(e2e.api, 'ORD-CANCELLED'), 'manager');
    await failingPayment(e2e.api, 'ORD-FAILING');
    e2e.api.clock.advance(60_000);
    await startPayment(e2e.api, 'ORD-NEW');
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    const expected: [string, string[]][] = [
      ['4 running instances of Card payment', ['ORD-NEW', 'ORD-FAILING', 'ORD-AT-RISK', 'ORD-OVERDUE']],
      ['1 running instance of Card payment with incidents', ['ORD-FAILING']],
      ['1 instance of Card payment with overdue tasks', ['ORD-OVERDUE']],
      ['1 running instance of Card payment with SLA at risk', ['ORD-AT-RISK']],
      ['1 running instance of Card payment with SLA breached', ['ORD-OVERDUE']],
      ['1 running instance with SLA breached in all processes', ['ORD-OVERDUE']],
      ['1 completed instance of Card payment', ['ORD-PAID']],
      ['1 cancelled instance of Card payment', ['ORD-CANCELLED']],
    ];
    for (const [count, keys] of expected) {
      // when
      await page.goto('/monitor');
      await page.getByRole('link', { name: count, exact: true }).click();
      // then
      await page.waitForURL('**/monitor/instances?**');
      expect(await listedKeys(page), count).to.deep.equal(keys);
      await page.getByText(`— ${keys.length} found`).waitFor();
    }
    // when: from the at-risk list, the manager switches its SLA filter to breached
    await page.goto('/monitor');
    await page.getByRole('link', { name: '1 running instance of Card payment with SLA at risk', exact: true }).click();
    await page.getByText('Running instances of Card payment (version 1) with SLA at risk — 1 found').waitFor();
    expect(await page.getByRole('combobox', { name: /^SLA/ }).inputValue()).to.equal('at_risk');
    await page.getByRole('combobox', { name: /^SLA/ }).selectOption('breached');
    // then
    await page.waitForURL(/sla=breached/);
    await page.getByText('Running instances of Card payment (version 1) with SLA breached — 1 found').waitFor();
    expect(await listedKeys(page)).to.deep.equal(['ORD-OVERDUE']);
    await page.goto('/monitor');
    expect(await page.getByRole('link', { name: /stuck instances of Card payment/ }).count(), 'nothing is stuck under a day').to.equal(0);
    // when: the manager opens the process's version and follows its SLA counts
    for (const [count, keys] of [['1 running instance of version 1 with SLA at risk', ['ORD-AT-RISK']], ['1 running instance of version 1 with SLA breached', ['ORD-OVERDUE']]] as const) {
      await page.goto(`/monitor/definitions/${(await e2e.api.engine.listDefinitions({ key: 'card-payment' })).items[0].id}`);
      await page.getByRole('link', { name: count, exact: true }).click();
      // then
      await page.waitForURL('**/monitor/instances?**');
      expect(await listedKeys(page), count).to.deep.equal(keys);
    }
  });

  it('should show a stuck instance under a low threshold but not under a higher one, and remember the threshold', async () => {
    // given: one payment has had no step for two hours; another just started
    await deploy(e2e.api);
    await startPayment(e2e.api, 'ORD-IDLE');
    e2e.api.clock.advance(2 * HOUR);
    await startPayment(e2e.api, 'ORD-FRESH');
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    await page.goto('/monitor');
    const stuckTile = page.locator('.mon-tile', { hasText: 'Stuck' });
    await stuckTile.getByText('no step for more than 1 day').waitFor();
    // when: the manager lowers the threshold to one hour
    await page.getByLabel('Stuck threshold, unit').selectOption('hours');
    // then
    await stuckTile.getByText('no step for more than 1 hour').waitFor();
    await stuckTile.getByRole('link', { name: '1 stuck instance in all processes' }).waitFor();
    await screenshot(page, 'monitor-overview-stuck');
    // when: raised to three hours
    await page.getByLabel('Stuck threshold, amount').fill('3');
    await page.getByLabel('Stuck threshold, amount').press('Enter');
    // then
    await stuckTile.getByText('no step for more than 3 hours').waitFor();
    await page.getByRole('link', { name: 'stuck instances of Card payment' }).waitFor({ state: 'detached' });
    await stuckTile.locator('.mon-zero').waitFor();
    // when: back to one hour, after a reload, following the count
    await page.getByLabel('Stuck threshold, amount').fill('1');
    await page.getByLabel('Stuck threshold, amount').press('Enter');
    // (the page has taken the new threshold before it reloads; a reload racing the change failed twice under load)
    await stuckTile.getByRole('link', { name: '1 stuck instance in all processes' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: '1 stuck instance of Card payment' }).click();
    // then
    expect(await listedKeys(page)).to.deep.equal(['ORD-IDLE']);
    expect(await page.getByLabel('Stuck (no step for more than 1 hour)').isChecked()).to.equal(true);
  });

  it('should search business keys and narrow by start day from the list itself', async () => {
    // given
    await deploy(e2e.api);
    await startPayment(e2e.api, 'ACME-7');
    await startPayment(e2e.api, 'acme-8');
    await startPayment(e2e.api, 'GLOBEX-1');
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    await page.goto('/monitor/instances');
    expect(await listedKeys(page)).to.have.members(['ACME-7', 'acme-8', 'GLOBEX-1']);
    // when
    await page.getByLabel('Business key').fill('acme');
    // then
    await page.waitForURL('**/monitor/instances?businessKey=acme');
    await page.getByText('— 2 found').waitFor();
    expect(await listedKeys(page)).to.have.members(['ACME-7', 'acme-8']);
    // when: a start day after today
    const tomorrow = new Date(e2e.api.clock.now().getTime() + 24 * HOUR);
    const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    await page.getByLabel('Started from').fill(day);
    // then
    await page.getByText('No instance matches these filters.').waitFor();
    // when
    await page.getByRole('button', { name: 'Clear filters' }).click();
    // then
    await page.getByText('— 3 found').waitFor();
  });
});
