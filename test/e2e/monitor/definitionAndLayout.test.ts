import { expect } from 'chai';
import { useE2e } from '../support/e2eHarness.js';
import { screenshot } from '../support/browser.js';
import { badges, checkOrder, deploy, failingPayment, scrollsSideways, startPayment } from './support.js';

describe('Monitor: definition page, models without a diagram, narrow screens', () => {
  const e2e = useE2e();

  it('should show where the running instances of a version pile up, its versions and deploy-time metadata', async () => {
    // given: three payments wait at "Check order", one at "Charge card", one failed there
    const id = await deploy(e2e.api);
    for (const key of ['ORD-1', 'ORD-2', 'ORD-3']) await startPayment(e2e.api, key);
    await failingPayment(e2e.api, 'ORD-5');
    await checkOrder(e2e.api, await startPayment(e2e.api, 'ORD-4', { cardNumber: '4111' }));
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    // when: from the overview's process name
    await page.goto('/monitor');
    await page.getByRole('link', { name: 'Card payment', exact: true }).click();
    // then
    await page.waitForURL(`**/monitor/definitions/${id}`);
    await page.getByRole('heading', { name: 'Card payment', level: 1 }).waitFor();
    await page.locator('.djs-overlays[data-container-id="checkOrder"] .mon-token').first().waitFor();
    expect(await badges(page, 'checkOrder').allTextContents()).to.deep.equal(['3']);
    expect(await badges(page, 'charge').allTextContents()).to.deep.equal(['1', '1']);
    expect(await badges(page, 'charge').evaluateAll((spans) => spans.map((s) => s.className))).to.deep.equal(['mon-token mon-token-waiting', 'mon-token mon-token-failed']);
    await page.getByText('5 running instances: the badges count their tokens per element').waitFor();
    const deployment = page.getByRole('region', { name: 'Deployment' });
    await deployment.getByText('Dana Designer').waitFor();
    await deployment.getByText('e2e payments').waitFor();
    const versions = page.getByRole('region', { name: 'Versions' });
    await versions.getByText('Version 1 (this one)').waitFor();
    await versions.getByRole('link', { name: '5 running instances of version 1' }).waitFor();
    expect(await page.title()).to.equal('Card payment v1 · Monitor · Lifeline');
    await screenshot(page, 'monitor-definition', { fullPage: true });
    // when
    await versions.getByRole('link', { name: '1 instance of version 1 with incidents' }).click();
    // then
    await page.getByRole('region', { name: 'Matching instances' }).getByRole('link', { name: 'ORD-5' }).waitFor();
  });

  it('should say so plainly when a model has no diagram layout, on its definition and instance pages', async () => {
    // given
    const id = await deploy(e2e.api, 'no-layout.bpmn');
    const instance = await e2e.api.engine.startInstance({ definitionKey: 'no-layout', businessKey: 'NOWHERE-1' });
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    // when
    await page.goto(`/monitor/definitions/${id}`);
    // then
    await page.getByRole('note').getByText('deployed without a diagram layout (BPMN DI)').waitFor();
    expect(await page.locator('.mon-diagram-canvas').isVisible()).to.equal(false);
    // when
    await page.goto(`/monitor/instances/${instance.id}`);
    // then: everything else is there
    await page.getByRole('note').getByText('deployed without a diagram layout (BPMN DI)').waitFor();
    await page.getByRole('region', { name: 'Open tasks' }).getByText('Check order').waitFor();
    await screenshot(page, 'monitor-instance-without-diagram');
  });

  it('should draw every shipped process on its definition page', async () => {
    // given: the demo seed deployed processes/
    const { items } = await e2e.api.engine.listDefinitions({ latestOnly: true, limit: 100 });
    expect(items.length).to.be.greaterThan(2);
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    for (const definition of items) {
      // when
      await page.goto(`/monitor/definitions/${definition.id}`);
      // then
      await page.locator('.mon-zoom').waitFor();
      expect(await page.locator('.djs-element.djs-shape').count(), definition.key).to.be.greaterThan(2);
      expect(await page.getByRole('note').count(), `${definition.key} has a diagram`).to.equal(0);
    }
  });

  it('should fit a narrow screen without sideways scrolling: overview, list, instance and definition', async () => {
    // given
    const id = await deploy(e2e.api);
    const failing = await failingPayment(e2e.api, 'ORD-NARROW');
    await startPayment(e2e.api, 'ORD-OTHER');
    const { page } = await e2e.open({ width: 390, height: 844 });
    await e2e.logIn(page, 'manager');
    // when / then
    await page.goto('/monitor');
    await page.getByRole('link', { name: '1 running instance of Card payment with incidents' }).waitFor();
    expect(await scrollsSideways(page), 'overview').to.equal(false);
    await screenshot(page, 'monitor-overview-narrow', { fullPage: true });
    await page.goto('/monitor/instances?state=active');
    await page.getByRole('link', { name: 'ORD-NARROW' }).waitFor();
    expect(await scrollsSideways(page), 'list').to.equal(false);
    await screenshot(page, 'monitor-instances-narrow', { fullPage: true });
    await page.goto(`/monitor/instances/${failing}`);
    await page.locator('.djs-element.mon-incident[data-element-id="charge"]').waitFor();
    expect(await scrollsSideways(page), 'instance').to.equal(false);
    await screenshot(page, 'monitor-instance-narrow', { fullPage: true });
    await page.goto(`/monitor/definitions/${id}`);
    await page.getByRole('region', { name: 'Versions' }).waitFor();
    expect(await scrollsSideways(page), 'definition').to.equal(false);
  });
});
