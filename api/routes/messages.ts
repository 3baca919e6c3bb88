/** Messages (correlated by name and key) and signals (broadcast). */
import * as z from 'zod';
import { route, variables, type Route } from '../http/route.js';

export const messageRoutes: Route[] = [
  route({
    method: 'post', path: '/api/messages', tag: 'Messages', permission: 'messages:publish',
    summary: 'Correlate a message by name and correlation key to the waiting element (or a message start event); 404 when nothing waits',
    body: z.object({ name: z.string().min(1), correlationKey: z.string().optional(), variables: variables.optional(), all: z.boolean().optional() }),
    handler: ({ body, user, services }) => services.engine.correlateMessage({ ...body, actor: user.id }),
  }),
  route({
    method: 'post', path: '/api/signals', tag: 'Messages', permission: 'messages:publish', summary: 'Broadcast a signal to every waiting element and signal start event',
    body: z.object({ name: z.string().min(1), variables: variables.optional() }),
    handler: ({ body, user, services }) => services.engine.broadcastSignal(body.name, body.variables, user.id),
  }),
];
