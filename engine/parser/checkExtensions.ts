/**
 * Extension elements and attributes Lifeline would otherwise drop without a
 * word: `zeebe:` elements it does not implement (execution listeners,
 * decisions...), `zeebe:` elements on an element where they mean nothing,
 * and Camunda 7 `camunda:` extensions. Other vendors' extensions are
 * modeling metadata and stay untouched.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { NodeKind } from '../ir/types.js';
import { extensionValues } from './extensions.js';
import type { Problems } from './Problems.js';

const JOB = ['zeebe:TaskDefinition', 'zeebe:TaskHeaders'];
const IO = ['zeebe:IoMapping'];
const EVENT = [...IO];
/** Elements whose timers or dates a business calendar shapes. */
const TIMED = ['lifeline:Calendar'];

/** Extension elements Lifeline honours, per node kind (besides `zeebe:properties`, which is metadata). */
const HONOURED: Record<NodeKind, string[]> = {
  startEvent: [...EVENT, ...TIMED, 'zeebe:FormDefinition', 'lifeline:BusinessKey'],
  endEvent: [...EVENT, ...JOB],
  intermediateCatchEvent: [...EVENT, ...TIMED],
  intermediateThrowEvent: [...EVENT, ...JOB],
  boundaryEvent: [...EVENT, ...TIMED],
  task: IO,
  manualTask: IO,
  userTask: [...IO, 'zeebe:AssignmentDefinition', 'zeebe:TaskSchedule', 'zeebe:PriorityDefinition', 'zeebe:FormDefinition', 'zeebe:UserTask', 'lifeline:Assignment', 'lifeline:Sla', ...TIMED],
  serviceTask: [...IO, ...JOB],
  scriptTask: [...IO, ...JOB, 'zeebe:Script'],
  sendTask: [...IO, ...JOB],
  receiveTask: IO,
  subProcess: [...IO, 'zeebe:AdHoc'],
  callActivity: [...IO, 'zeebe:CalledElement'],
  exclusiveGateway: [],
  parallelGateway: [],
  inclusiveGateway: [],
  eventBasedGateway: [],
  complexGateway: [],
};

/** Where an extension element can stand, other than on a flow node. */
export type ExtensionHost = NodeKind | 'process' | 'message' | 'multiInstance';

const OTHER_HOSTS: Record<Exclude<ExtensionHost, NodeKind>, string[]> = {
  process: ['zeebe:VersionTag', 'zeebe:UserTaskForm', 'lifeline:Calendar'],
  message: ['zeebe:Subscription'],
  multiInstance: ['zeebe:LoopCharacteristics'],
};

const ALWAYS = new Set(['zeebe:Properties']);

function honoured(host: ExtensionHost): string[] {
  return host in HONOURED ? HONOURED[host as NodeKind] : OTHER_HOSTS[host as Exclude<ExtensionHost, NodeKind>];
}

/**
 * Reports the extensions of `element` that Lifeline cannot honour where they
 * stand. `reportOn` is the element id the problem belongs to (the element
 * itself, or the flow node that owns a loop characteristics element).
 */
export function checkExtensions(element: ModdleElement, host: ExtensionHost, problems: Problems, reportOn = element.id): void {
  const allowed = honoured(host);
  for (const value of extensionValues(element)) {
    const type: string = value.$type;
    if (ALWAYS.has(type) || allowed.includes(type)) continue;
    if (type.startsWith('camunda:')) {
      problems.at(reportOn, `Camunda 7 extension ${type} is not supported: Lifeline reads Camunda 8 zeebe: extensions`);
    } else if (type.startsWith('zeebe:') || type.startsWith('lifeline:')) {
      const known = Object.values(HONOURED).some((list) => list.includes(type)) || Object.values(OTHER_HOSTS).some((list) => list.includes(type));
      problems.at(reportOn, known ? `extension ${type} has no meaning on a ${element.$type} and would be ignored` : `extension ${type} is not supported by Lifeline`);
    }
  }
  for (const attribute of Object.keys(element.$attrs ?? {})) {
    if (attribute.startsWith('camunda:')) {
      problems.at(reportOn, `Camunda 7 attribute ${attribute} is not supported: Lifeline reads Camunda 8 zeebe: extensions`);
    }
  }
}
