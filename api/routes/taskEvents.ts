/**
 * The task list's live updates as server-sent events. Chosen over polling:
 * a tab learns of a change within a fraction of a second and costs nothing
 * while nothing changes, where a poll costs every open tab a query every few
 * seconds and still lags. The source is PostgreSQL's LISTEN/NOTIFY (a
 * trigger on user_tasks), so changes made through any engine process
 * sharing the database arrive. Events:
 *   ready  {}                          listening: fetch the lists now
 *   tasks  {ids: string[], many: bool} these tasks you may see changed (many: refetch everything)
 * The browser's EventSource reconnects by itself; it then gets `ready` again.
 */
import { openEventStream } from '../live/eventStream.js';
import { route, type Route } from '../http/route.js';

export const taskEventRoutes: Route[] = [
  route({
    method: 'get', path: '/api/task-events', tag: 'Tasks', permission: 'tasks:work',
    summary: 'Server-sent events (text/event-stream): `ready` once listening, then `tasks` {ids, many} whenever tasks you may see are created, claimed, delegated, completed or cancelled',
    handler: async ({ user, services, koa }) => {
      if (!services.taskFeed) throw new Error('no task feed: createServer makes one');
      let stream: ReturnType<typeof openEventStream> | undefined;
      const unsubscribe = await services.taskFeed.subscribe(user, {
        send: (message) => stream?.send('tasks', message),
        end: () => stream?.end(),
      });
      // The tab may have gone while the listener started.
      if (koa.req.destroyed) return void unsubscribe();
      stream = openEventStream(koa);
      stream.onEnd(unsubscribe);
      stream.send('ready', {});
      return undefined;
    },
  }),
];
