import { expect } from 'chai';
import { startTestApi, type TestApi } from './support/apiHarness.js';

const office = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:00' }, holidays: ['2026-12-24'] };

describe('API: business calendars', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi();
  });
  afterEach(() => api.close());

  it('should let an admin define a default calendar that employees and designers can read', async () => {
    // given
    const admin = await api.as('admin');
    // when
    const saved = await admin.put('/api/calendars/hamburg-office', { ...office, isDefault: true });
    // then
    expect(saved.status).to.equal(200);
    expect(saved.body).to.include({ name: 'hamburg-office', isDefault: true, updatedBy: 'admin' });
    const employee = await api.as('employee');
    const listed = await employee.get('/api/calendars');
    expect(listed.body.items.find((c: { name: string }) => c.name === 'hamburg-office').definition).to.deep.equal(office);
    expect((await (await api.as('designer')).get('/api/calendars/hamburg-office')).body.isDefault).to.equal(true);
  });

  it('should answer a calendar with problems with 400 naming each problem, and an unknown one with 404', async () => {
    const admin = await api.as('admin');
    const bad = await admin.put('/api/calendars/broken', { ...office, timeZone: 'Mars/Olympus', holidays: ['2026-02-30'] });
    expect(bad.status).to.equal(400);
    expect(bad.body.detail).to.contain('timeZone "Mars/Olympus" is not a known IANA time zone').and.to.contain('holidays: "2026-02-30" is not a date YYYY-MM-DD');
    expect((await admin.get('/api/calendars/nope')).status).to.equal(404);
    expect((await admin.delete('/api/calendars/nope')).status).to.equal(404);
  });

  it('should not let a manager change calendars', async () => {
    const manager = await api.as('manager');
    expect((await manager.put('/api/calendars/mine', office)).status).to.equal(403);
  });
});
