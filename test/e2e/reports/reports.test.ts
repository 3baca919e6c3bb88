import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { useE2e } from '../support/e2eHarness.js';
import { screenshot } from '../support/browser.js';
import { buildKnownHistory, REQUESTS } from '../../db/reports/fixtures/knownHistory.js';
import { formatDuration } from '../../../modeler/src/features/reports/format.js';
import type { TestApi } from '../../api/support/apiHarness.js';

/**
 * The known history of the report tests, moved to start now (the browser's
 * real date), plus open answers so that Ann Specialist holds six tasks, Ben
 * and Cat three each and Dan none.
 */
async function history(api: TestApi): Promise<void> {
  const shiftMs = Math.ceil((api.clock.now().getTime() - Date.parse(REQUESTS[0].start)) / 60_000) * 60_000 + 60_000;
  await buildKnownHistory({ engine: api.engine, clock: api.clock, knex: api.db.knex }, { shiftMs });
  for (const [n, who] of ['ann', 'ann', 'ann', 'ann', 'ben', 'ben', 'cat', 'cat'].entries()) {
    const instance = await api.engine.startInstance({ definitionKey: 'request', businessKey: `L${n + 1}` });
    const [register] = (await api.engine.listTasks({ instanceId: instance.id, state: 'created' })).items;
    await api.engine.completeTask(register.id, {}, 'erin');
    const [answer] = (await api.engine.listTasks({ instanceId: instance.id, state: 'created' })).items;
    await api.engine.claimTask(answer.id, who);
  }
}

/** The cells of a report table, by row, as the page shows them. */
async function tableCells(page: Page, table: string): Promise<string[][]> {
  const rows = page.locator(`table[data-table="${table}"] tbody tr`);
  await rows.first().waitFor();
  return rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((cell) => (cell.firstChild?.textContent ?? '').trim())));
}

/**
 * The cells of a report table once they are `expected`, or as they are after
 * a while (for the assertion to show): a filter reloads the table, and the
 * rows before the reload must not be read as its answer.
 */
async function tableCellsOnce(page: Page, table: string, expected: string[][]): Promise<string[][]> {
  await page.waitForFunction(
    ({ table, want }) => {
      const rows = Array.from(document.querySelectorAll(`table[data-table="${table}"] tbody tr`));
      return JSON.stringify(rows.map((tr) => Array.from(tr.children).map((cell) => (cell.firstChild?.textContent ?? '').trim()))) === want;
    },
    { table, want: JSON.stringify(expected) },
    { timeout: 10_000 },
  ).catch(() => {});
  return tableCells(page, table);
}

/** Clicks a table's "Download CSV" and reads the file. */
async function downloadCsv(page: Page, title: string): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${title} as CSV` }).click()]);
  const text = await readFile((await download.path())!, 'utf8');
  return text.trim().split('\r\n').map((line) => line.split(','));
}

describe('Reports: the manager’s reports in the browser (issue 13)', () => {
  const e2e = useE2e();

  it('should show the overloaded specialist and hand three of her tasks to the least-loaded colleague at once', async () => {
    // given
    await history(e2e.api);
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    // when: the manager opens the reports and the workload of the specialists
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Workload' }).click();
    await page.getByLabel('Group').selectOption('specialists');
    // then: Ann holds twice what Ben and Cat hold, Dan nothing
    const specialists = [
      ['Ann Specialist', 'specialists', '6', '1'],
      ['Ben Specialist', 'specialists', '3', '0'],
      ['Cat Specialist', 'specialists', '3', '0'],
      ['Dan Specialist', 'specialists', '0', '0'],
    ];
    expect(await tableCellsOnce(page, 'workload', specialists)).to.deep.equal(specialists);
    await screenshot(page, 'reports-workload', { fullPage: true });
    // when: three of Ann's tasks go to whoever is least loaded
    const ann = page.locator('section.rep-person[data-user="ann"]');
    const boxes = ann.getByRole('checkbox', { name: /^Select Answer request/ });
    for (const n of [0, 1, 2]) await boxes.nth(n).check();
    await page.getByRole('form', { name: 'Reassign the selected tasks' }).getByLabel('Hand on to').selectOption({ label: 'Least loaded in Specialists' });
    await screenshot(page, 'reports-reassign');
    await page.getByRole('button', { name: 'Reassign', exact: true }).click();
    // then: all three went to Dan, and the view shows it (the notice comes once the view is reloaded)
    await page.getByText('Reassigned 3 tasks: 3 to Dan Specialist.').waitFor();
    const after = await tableCells(page, 'workload');
    expect(after.map((row) => [row[0], row[2]]).sort()).to.deep.equal([['Ann Specialist', '3'], ['Ben Specialist', '3'], ['Cat Specialist', '3'], ['Dan Specialist', '3']]);
    expect(await page.locator('section.rep-person[data-user="dan"] .rep-task-list li').count()).to.equal(3);
  });

  it('should show the slowest element on the heat map and open the instances behind its figure', async () => {
    // given
    await history(e2e.api);
    const { page } = await e2e.open({ width: 1280, height: 1000 });
    await e2e.logIn(page, 'manager');
    await page.goto('/reports');
    // when
    await page.getByRole('link', { name: /Support request/ }).click();
    const hottest = page.locator('.djs-element.rep-heat-top');
    await hottest.waitFor();
    // then: "Answer request" is the slowest, its median on the diagram
    expect(await hottest.getAttribute('data-element-id')).to.equal('answer');
    const badge = page.locator('.rep-heat-badge[data-element-id="answer"]');
    expect(await badge.textContent()).to.equal('3 h 30 min');
    await page.getByRole('region', { name: 'Heat map' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-process', { fullPage: true });
    // when: the figure is a link
    await badge.click();
    // then
    await page.waitForURL('**/reports/instances?**');
    await page.getByText('10 instances of request').waitFor();
    // and where instances wait now
    await page.goBack();
    await page.getByRole('button', { name: 'Where instances wait now' }).click();
    await page.locator('.rep-heat-badge[data-element-id="answer"]', { hasText: '12 waiting' }).waitFor();
  });

  it('should download each table as CSV with the numbers of the page', async () => {
    // given
    await history(e2e.api);
    const { page } = await e2e.open();
    await e2e.logIn(page, 'manager');
    await page.goto('/reports/people?group=specialists');
    // when
    const shown = await tableCells(page, 'employees');
    const csv = await downloadCsv(page, 'Employees');
    await screenshot(page, 'reports-people', { fullPage: true });
    // then: the header, then per employee the same counts, rate and durations
    expect(csv[0]).to.deep.equal(['Employee', 'User id', 'Completed', 'Open now', 'Overdue now', 'On time (%)', 'Median handling (hours)', 'p90 handling (hours)']);
    expect(csv.slice(1).map((row) => [row[0], row[2], row[3], row[4], row[5] ? `${row[5]} %` : '—', formatDuration(row[6] ? Number(row[6]) * 3_600_000 : null), formatDuration(row[7] ? Number(row[7]) * 3_600_000 : null)]))
      .to.deep.equal(shown.map((cells) => [cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6]]));
    expect(shown[0]).to.deep.equal(['Ann Specialist', '4', '6', '1', '100 %', '1 h 15 min', '1 h 51 min']);
    // and the process's weekly table too
    await page.goto('/reports/processes/request');
    const weeks = await tableCells(page, 'request-per-week');
    const weeksCsv = await downloadCsv(page, 'Per week');
    expect(weeksCsv.slice(1).map((row) => [row[1], row[2], row[3]])).to.deep.equal(weeks.map((cells) => [cells[1], cells[2], cells[3]]));
    expect(weeksCsv.slice(1).reduce((n, row) => n + Number(row[2]), 0)).to.equal(10);
  });
});
