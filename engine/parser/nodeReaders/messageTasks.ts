/**
 * Send and receive tasks. A send task with a `zeebe:taskDefinition` is a
 * job; without one it delivers the message of its `messageRef`. A receive
 * task waits for the message of its `messageRef`; with `instantiate` (and no
 * incoming flow) that message starts the process, like a message start event.
 */
import { readJob } from '../extensions.js';
import { readMessage } from '../readMessage.js';
import type { NodeReader } from './NodeReader.js';

/** Send tasks: a job, or the message they deliver. */
export const readSendTask: NodeReader = (element, node, ctx) => {
  const job = readJob(element);
  if (job) node.job = job;
  else node.event = readMessage(node.id, element.messageRef, ctx.problems);
};

/** Receive tasks: the message they wait for. */
export const readReceiveTask: NodeReader = (element, node, ctx) => {
  node.event = readMessage(node.id, element.messageRef, ctx.problems);
  if (element.instantiate === true) node.instantiate = true;
};
