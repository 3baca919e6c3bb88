import { expect } from 'chai';
import { apiFixture, startTestApi, type Caller, type TestApi } from './support/apiHarness.js';
import { openEvents, type EventReader } from './support/eventStream.js';

describe('API: live task updates (server-sent events)', () => {
  let api: TestApi;
  let designer: Caller;
  let employee: Caller;
  const streams: EventReader[] = [];
  beforeEach(async () => {
    api = await startTestApi();
    designer = await api.as('designer');
    employee = await api.as('employee');
    await designer.post('/api/deployments', { resources: [{ name: 'group-task.bpmn', xml: await apiFixture('group-task.bpmn') }] });
  });
  afterEach(async () => {
    for (const stream of streams.splice(0)) await stream.close();
    await api.close();
  });

  /** A stream of the user's, once the server listens for them. */
  const listen = async (user: string) => {
    const stream = await openEvents(api.base, user);
    streams.push(stream);
    expect(await stream.next()).to.deep.equal({ event: 'ready', data: {} });
    return stream;
  };
  const start = async (group: string) => (await employee.post('/api/process-definitions/groupTask/start', { variables: { group } })).body.id as string;
  /** Reads events until all of `ids` were named; returns every id heard meanwhile. */
  const hearAll = async (stream: EventReader, ids: string[]) => {
    const heard = new Set<string>();
    while (!ids.every((id) => heard.has(id))) for (const id of (await stream.next()).data.ids) heard.add(id);
    return [...heard].sort();
  };
  const taskOf = async (instanceId: string) => (await api.engine.listTasks({ instanceId })).items[0].id;

  it('should answer with an event stream that says when it listens', async () => {
    // when
    const stream = await listen('employee');
    // then
    expect(stream.status).to.equal(200);
    expect(stream.contentType).to.match(/^text\/event-stream/);
  });

  it('should tell each user about the new tasks they may see, and nobody else', async () => {
    // given: employee is in sales and support, specialist only in support
    const [inSales, inSupport, manager] = await Promise.all([listen('employee'), listen('specialist'), listen('manager')]);
    // when
    const salesTask = await taskOf(await start('sales'));
    const supportTask = await taskOf(await start('support'));
    // then: the specialist's first news is the support task, so they never heard of the sales one
    expect(await inSupport.next()).to.deep.equal({ event: 'tasks', data: { ids: [supportTask], many: false } });
    expect(await hearAll(inSales, [salesTask, supportTask])).to.deep.equal([salesTask, supportTask].sort());
    expect(await hearAll(manager, [salesTask, supportTask])).to.deep.equal([salesTask, supportTask].sort());
  });

  it('should tell a group member when a colleague claims their shared task, though they can no longer see it', async () => {
    // given
    const shared = await taskOf(await start('support'));
    const colleague = await listen('specialist');
    // when
    expect((await employee.post(`/api/tasks/${shared}/claim`)).status).to.equal(200);
    // then
    expect(await colleague.next()).to.deep.equal({ event: 'tasks', data: { ids: [shared], many: false } });
    expect((await (await api.as('specialist')).get(`/api/tasks/${shared}`)).status).to.equal(404);
  });

  it('should end the streams when the server stops', async () => {
    // given
    const stream = await listen('employee');
    // when
    await api.close();
    // then
    let ended = false;
    await stream.next().catch(() => (ended = true));
    expect(ended).to.equal(true);
    api = await startTestApi(); // for afterEach
  });
});
