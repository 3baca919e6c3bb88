/**
 * The intermediate representation (IR) of a deployed BPMN process.
 *
 * Plain, JSON-serialisable data: the parser produces it from BPMN XML, the
 * definitions table stores it, and the runtime executes it. Nothing here
 * refers to bpmn-moddle objects, so a stored IR can be run without re-parsing.
 */

/**
 * An expression as written in the model. Camunda 8 style: a value starting
 * with `=` is FEEL (`isFeel: true`, `source` without the `=`); anything else
 * is a literal string (`isFeel: false`).
 */
export interface Expr {
  source: string;
  isFeel: boolean;
}

/** The BPMN element types Lifeline executes. Anything else is a deploy problem. */
export type NodeKind =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'task'
  | 'userTask'
  | 'serviceTask'
  | 'scriptTask'
  | 'sendTask'
  | 'receiveTask'
  | 'manualTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'complexGateway'
  | 'subProcess'
  | 'callActivity';

/** How a timer is written: a point in time, a duration from now, or a repeating cycle. */
export interface TimerDefinition {
  kind: 'date' | 'duration' | 'cycle';
  value: Expr;
}

/** The event definition of an event node; `none` when it has none. */
export type EventDefinition =
  | { type: 'none' }
  | { type: 'timer'; timer: TimerDefinition }
  /** `correlationKey` comes from `zeebe:subscription` on the bpmn:message. */
  | { type: 'message'; messageName: Expr; correlationKey?: Expr }
  | { type: 'signal'; signalName: Expr }
  /** On a catch event, an absent `errorCode` catches every error. */
  | { type: 'error'; errorCode?: string; errorMessage?: string }
  /** On a catch event, an absent `escalationCode` catches every escalation. */
  | { type: 'escalation'; escalationCode?: string }
  | { type: 'terminate' }
  /** Link throw events carry `target`: the id of the link catch event with the same name. */
  | { type: 'link'; linkName: string; target?: string }
  /**
   * Compensation: on a throw or end event, compensate `activityRef` (or every
   * completed activity of the scope, last completed first); on a boundary
   * event or an event subprocess start, the handler's trigger.
   */
  | { type: 'compensate'; activityRef?: string; waitForCompletion: boolean }
  /** Cancel: an end event inside a transaction, or the boundary event of a transaction. */
  | { type: 'cancel' }
  /** Conditional: triggered when `condition` (FEEL) becomes true, re-evaluated whenever a step may have changed variables. */
  | { type: 'conditional'; condition: Expr }
  /**
   * Multiple: a catch is triggered by any one of `definitions` (all of them
   * with `parallel`, parallel multiple); a throw sends every one.
   */
  | { type: 'multiple'; definitions: EventDefinition[]; parallel: boolean };

/** `zeebe:input` / `zeebe:output`: evaluate `source`, store it as `target`. */
export interface Mapping {
  source: Expr;
  target: string;
}

/** `zeebe:taskDefinition` plus `zeebe:taskHeaders`. */
export interface JobDefinition {
  type: Expr;
  retries: Expr;
  headers: Record<string, string>;
}

/**
 * `zeebe:formDefinition`: the form a person fills in, on a user task or (a
 * start form) on a process's none start event: deployed separately
 * (`formId`), or embedded in the process (`formKey` naming a
 * `zeebe:userTaskForm`, whose JSON is then in `formJson`).
 */
export interface FormLink {
  /** `zeebe:formDefinition formKey` or the id of an embedded `zeebe:userTaskForm`. */
  formKey?: string;
  /** `zeebe:formDefinition formId`: a form deployed separately (form-js JSON). */
  formId?: string;
  /** The form-js JSON of an embedded `zeebe:userTaskForm`, when there is one. */
  formJson?: string;
}

/** `zeebe:assignmentDefinition`, `zeebe:taskSchedule`, `zeebe:priorityDefinition`, `zeebe:formDefinition`. */
export interface UserTaskDefinition extends FormLink {
  assignee?: Expr;
  candidateGroups?: Expr;
  candidateUsers?: Expr;
  dueDate?: Expr;
  followUpDate?: Expr;
  priority?: Expr;
}

/** `zeebe:script` on a script task: a FEEL expression and where its result goes. */
export interface ScriptDefinition {
  expression: Expr;
  resultVariable: string;
}

/** `zeebe:calledElement` on a call activity. */
export interface CalledElementDefinition {
  processId: Expr;
  propagateAllChildVariables: boolean;
  propagateAllParentVariables: boolean;
}

/**
 * Multi-instance: over a FEEL collection (`zeebe:loopCharacteristics`) or a
 * count (BPMN `loopCardinality`), with an optional completion condition.
 */
export interface MultiInstanceDefinition {
  sequential: boolean;
  inputCollection?: Expr;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: Expr;
  loopCardinality?: Expr;
  completionCondition?: Expr;
  /**
   * BPMN `behavior` (13.3.7): which events the instances throw as they
   * complete: None (`noneBehaviorEvent` for each), One (`oneBehaviorEvent`
   * for the first), Complex (each `complexBehavior` event whose condition
   * holds), All (none; the default).
   */
  behavior?: 'None' | 'One' | 'All' | 'Complex';
  noneBehaviorEvent?: EventDefinition;
  oneBehaviorEvent?: EventDefinition;
  complexBehavior?: { condition: Expr; event: EventDefinition }[];
}

/** BPMN `standardLoopCharacteristics`. */
export interface StandardLoopDefinition {
  loopCondition?: Expr;
  testBefore: boolean;
  loopMaximum?: number;
}

/** `lifeline:calendar`: the business calendar that shapes timers, due dates and SLAs; no name means the default calendar. */
export interface CalendarRef {
  name?: string;
}

/** When an SLA action runs: once the task is at risk, or once it has breached its target. */
export type SlaMoment = 'atRisk' | 'breach';

/** One action of a `lifeline:sla` policy. */
export type SlaAction =
  /** Inbox notification (and email) to users, members of groups, the assignee and/or the assignee's manager. */
  | { type: 'notify'; when: SlaMoment; users?: Expr; groups?: Expr; assignee?: boolean; manager?: boolean; template?: string }
  /** Reassigns the task by a strategy, optionally to new candidates. */
  | { type: 'reassign'; when: SlaMoment; strategy: string; candidateGroups?: Expr; candidateUsers?: Expr }
  /** Raises a BPMN escalation at the task, for an escalation boundary event or event subprocess to catch. */
  | { type: 'escalate'; when: SlaMoment; escalationCode: string };

/**
 * `lifeline:sla` on a user task: a target (a duration from the task's
 * creation, counted on the task's calendar, or a date-time), an optional
 * at-risk threshold (a duration, a date-time, or a share of the target such
 * as `80%`), and what happens at each moment. An expression that gives null
 * or '' means "no SLA" (or no at-risk moment) for that task.
 */
export interface SlaDefinition {
  target: Expr;
  atRisk?: Expr;
  actions: SlaAction[];
}

/** Lifeline's own extensions (`lifeline:` namespace), for what Camunda has no words for. */
export interface LifelineExtensions {
  /** How to pick an assignee among the candidates: `leastLoaded` or `roundRobin`. */
  assignmentStrategy?: string;
  /** The business calendar bound to this element (overrides the process's). */
  calendar?: CalendarRef;
  /** User tasks: the SLA policy. */
  sla?: SlaDefinition;
  /**
   * None start events of a process (`lifeline:businessKey field`): the
   * variable (a path such as `event.id`, e.g. a start form's field) whose
   * value is the business key of an instance started without one.
   */
  businessKeyField?: string;
}

/**
 * `bpmn:adHocSubProcess` (BPMN 10.3.5.3): its activities have no required
 * order. Lifeline starts those `activeElements` names (FEEL list of ids,
 * `zeebe:adHoc activeElementsCollection`), or else every activity no
 * sequence flow leads to, all at once (`Parallel`) or one after another in
 * document order (`Sequential`); more can be started on demand while it
 * runs (instance modification). With a completion condition it is done when
 * that holds, else when nothing runs any more.
 */
export interface AdHocDefinition {
  ordering: 'Parallel' | 'Sequential';
  completionCondition?: Expr;
  cancelRemainingInstances: boolean;
  activeElements?: Expr;
}

/** One BPMN flow node. Which optional fields are set depends on `kind`. */
export interface NodeIR {
  id: string;
  name?: string;
  kind: NodeKind;
  /** Ids of incoming / outgoing sequence flows (derived from sourceRef/targetRef). */
  incoming: string[];
  outgoing: string[];
  /** Gateways and activities: the default flow id. */
  defaultFlow?: string;
  /** Events: the event definition (`none` when absent). */
  event?: EventDefinition;
  /** Boundary events: the activity they are attached to, and whether they interrupt it. */
  attachedTo?: string;
  cancelActivity?: boolean;
  /** Activities: ids of the boundary events attached to them. */
  boundaryEvents?: string[];
  /** Start events of event subprocesses: interrupting (default true). */
  isInterrupting?: boolean;
  job?: JobDefinition;
  userTask?: UserTaskDefinition;
  script?: ScriptDefinition;
  inputs?: Mapping[];
  outputs?: Mapping[];
  calledElement?: CalledElementDefinition;
  multiInstance?: MultiInstanceDefinition;
  standardLoop?: StandardLoopDefinition;
  /** Subprocesses (embedded and event subprocesses): the inner scope. */
  scope?: ScopeIR;
  /** Event subprocesses: `triggeredByEvent="true"`. */
  triggeredByEvent?: boolean;
  lifeline?: LifelineExtensions;
  /** Activities with a compensation boundary event: the handler activity (associated with it) that undoes them. */
  compensationHandler?: string;
  /** `bpmn:transaction`: a subprocess whose cancel end event compensates it and leaves by its cancel boundary. */
  transaction?: boolean;
  /** Activities with `isForCompensation="true"`: compensation handlers, entered only by compensation. */
  isForCompensation?: boolean;
  /** Gateways: `gatewayDirection` when the model states one (Converging, Diverging, Mixed). */
  gatewayDirection?: 'Converging' | 'Diverging' | 'Mixed';
  /** Complex gateways: when the tokens that arrived are enough to fire (FEEL; sees `activationCount` and `activationCounts`). */
  activationCondition?: Expr;
  /** Ad-hoc subprocesses: which inner activities start, in what order, and when it is done. */
  adHoc?: AdHocDefinition;
  /** Activities: tokens needed to start (BPMN startQuantity) and tokens sent on each outgoing flow (completionQuantity), when not 1. */
  startQuantity?: number;
  completionQuantity?: number;
  /** Receive tasks with `instantiate="true"` and no incoming flow: a message starts the process there. */
  instantiate?: boolean;
  /** None start events of a process: the start form (`zeebe:formDefinition`) a person fills in to start it. */
  startForm?: FormLink;
}

/** A sequence flow. `condition` is set for conditional flows (FEEL). */
export interface FlowIR {
  id: string;
  name?: string;
  source: string;
  target: string;
  condition?: Expr;
}

/** A scope: a process or a subprocess body. Node ids are unique per BPMN file. */
export interface ScopeIR {
  id: string;
  nodes: Record<string, NodeIR>;
  flows: Record<string, FlowIR>;
  /** Start events of this scope (not those of its event subprocesses). */
  startEvents: string[];
  /** Ids of the event subprocess nodes directly in this scope. */
  eventSubprocesses: string[];
}

/** One executable process of a BPMN file. */
export interface ProcessIR extends ScopeIR {
  /** The BPMN process id: the key that versions are grouped by. */
  processId: string;
  name?: string;
  versionTag?: string;
  /** `lifeline:calendar` on the process: the calendar of every element that names none. */
  calendar?: CalendarRef;
  /** The process's `bpmn:documentation`: what it is for, shown to the people who start it. */
  documentation?: string;
}

/** Where in the model a problem is. */
export interface Problem {
  /** The BPMN element id, when the problem belongs to one. */
  elementId?: string;
  message: string;
}
