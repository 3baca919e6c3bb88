import { expect } from 'chai';
import { useE2e } from '../support/e2eHarness.js';
import { screenshot } from '../support/browser.js';
import { badges, deploy, failingPayment, runCardWorker, shape, startPayment } from './support.js';

describe('Monitor: a manager repairs an incident', () => {
  const e2e = useE2e();

  it('should lead from the incident count to the instance, show the incident on the diagram, and complete it after setting the missing variable and retrying', async () => {
    // given: one payment failed for want of a card number, another waits to be checked
    await deploy(e2e.api);
    await failingPayment(e2e.api, 'ORD-1001');
    await startPayment(e2e.api, 'ORD-1002');
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    // when: the manager opens the monitor and follows the incident count of Card payment
    await page.goto('/monitor');
    await page.getByRole('heading', { name: 'Monitor', level: 1 }).waitFor();
    const row = page.locator('tr', { has: page.getByRole('link', { name: 'Card payment', exact: true }) });
    await row.getByRole('link', { name: '1 running instance of Card payment with incidents' }).waitFor();
    await screenshot(page, 'monitor-overview');
    await row.getByRole('link', { name: '1 running instance of Card payment with incidents' }).click();
    // then: the list holds exactly that instance
    await page.waitForURL(/\/monitor\/instances\?.*incidents=true/);
    const list = page.getByRole('region', { name: 'Matching instances' });
    await list.getByRole('link', { name: 'ORD-1001' }).waitFor();
    expect(await list.getByRole('row').count()).to.equal(2);
    expect(await page.title()).to.equal('Instances · Monitor · Lifeline');
    await screenshot(page, 'monitor-instances');
    // when
    await list.getByRole('link', { name: 'ORD-1001' }).click();
    // then: the incident shows in words and on the diagram
    await page.getByRole('heading', { name: 'ORD-1001', level: 1 }).waitFor();
    const incidents = page.getByRole('region', { name: '1 incident' });
    await incidents.getByText('cardNumber is missing').waitFor();
    await page.locator('.djs-element.mon-incident[data-element-id="charge"]').waitFor();
    expect(await badges(page, 'charge').allTextContents()).to.deep.equal(['1']);
    expect(await badges(page, 'charge').first().getAttribute('title')).to.equal('1 token with an incident');
    expect(await shape(page, 'checkOrder').getAttribute('class')).not.to.contain('mon-incident');
    expect(await page.title()).to.equal('ORD-1001 · Monitor · Lifeline');
    await screenshot(page, 'monitor-instance-incident', { fullPage: true });
    // when: the manager sets the card number in the retry dialog and retries
    await incidents.getByRole('button', { name: 'Retry Charge card' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retry ‘Charge card’' });
    await dialog.getByLabel('Variable name').fill('cardNumber');
    await dialog.getByLabel('Value').fill('"4111 1111 1111 1111"');
    await dialog.getByText('Stored as text.').waitFor();
    await screenshot(page, 'monitor-retry-dialog');
    await dialog.getByRole('button', { name: 'Set variable and retry' }).click();
    await page.getByRole('status').getByText('Retried').waitFor();
    await incidents.waitFor({ state: 'detached' });
    // and the worker takes the job again, now with the card number
    expect(await runCardWorker(e2e.api)).to.equal(1);
    // then: the page sees the instance complete, and the history names the manager
    await page.locator('.mon-title-line .mon-state-completed').waitFor({ timeout: 15_000 });
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Max Manager set cardNumber = "4111 1111 1111 1111"').waitFor();
    await history.getByText('Max Manager retried ‘Charge card’').waitFor();
    await history.getByText('Walt Worker reported that ‘Charge card’ failed').waitFor();
    expect(await badges(page, 'paid').allTextContents()).to.deep.equal(['1']);
    await screenshot(page, 'monitor-instance-completed', { fullPage: true });
  });
});
