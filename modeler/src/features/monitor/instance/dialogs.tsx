/**
 * The repairs of an instance, each confirmed in a dialog that says what
 * will happen; the server records each in the history with the manager's
 * name.
 */
import { useEffect, useState } from 'preact/hooks';
import { ActionDialog } from '../components/ActionDialog';
import { assignTask, cancelInstance, loadPeople, moveToken, resolveIncident, retryIncident, setVariables, type InstanceView, type Person } from '../monitorApi';
import { formatValue } from '../format';
import { VariableFields, variableOf } from './VariableFields';

type Incident = InstanceView['incidents'][number];
type Task = InstanceView['tasks'][number];
interface Base {
  onClose(done: boolean): void;
  /** Element names from the model. */
  nameOf(id: string | null | undefined): string;
}

/** Retry, optionally after setting the variable that was missing. */
export function RetryDialog({ instanceId, incident, onClose, nameOf }: Base & { instanceId: string; incident: Incident }) {
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [retries, setRetries] = useState(1);
  const withVariable = Boolean(name || value.trim());
  const variable = withVariable ? variableOf(name, value) : undefined;
  return (
    <ActionDialog
      title={`Retry ‘${nameOf(incident.elementId)}’`}
      confirmLabel={withVariable ? 'Set variable and retry' : 'Retry'}
      ready={!withVariable || Boolean(variable)}
      onClose={onClose}
      onConfirm={async () => {
        if (variable) await setVariables(instanceId, variable);
        await retryIncident(incident.id, incident.jobId ? retries : undefined);
      }}
    >
      <p class="mon-incident-message">{incident.message}</p>
      <p>Fix what made it fail, then retry: {incident.jobId ? 'the job goes back to its workers with the variables as they are now.' : 'the failed step runs again.'}</p>
      {incident.jobId && (
        <div class="field mon-narrow-field">
          <label for="mon-retries">Retries for the job</label>
          <input id="mon-retries" class="input" type="number" min={1} max={100} value={retries} onInput={(e) => setRetries(Math.max(1, Math.min(100, Math.floor(Number(e.currentTarget.value)) || 1)))} />
        </div>
      )}
      <fieldset class="mon-fieldset">
        <legend>Set a variable first (optional)</legend>
        <VariableFields name={name} value={value} onName={setName} onValue={setValue} />
      </fieldset>
    </ActionDialog>
  );
}

/** Mark an incident resolved without retrying (the token stays where it is). */
export function ResolveDialog({ incident, onClose, nameOf }: Base & { incident: Incident }) {
  return (
    <ActionDialog title={`Resolve the incident at ‘${nameOf(incident.elementId)}’`} confirmLabel="Resolve without retrying" onClose={onClose} onConfirm={() => resolveIncident(incident.id).then(() => undefined)}>
      <p class="mon-incident-message">{incident.message}</p>
      <p>The incident is closed and nothing runs again. Use this when the problem was fixed outside Lifeline, or when you will move the token yourself.</p>
    </ActionDialog>
  );
}

/** Set (or change) one variable of the instance. */
export function VariableDialog({ instanceId, initial, onClose }: Base & { instanceId: string; initial?: { name: string; value: unknown } }) {
  const [name, setName] = useState(initial?.name ?? '');
  const [value, setValue] = useState(initial ? JSON.stringify(initial.value, null, 2) : '');
  const variable = variableOf(name, value);
  return (
    <ActionDialog title={initial ? `Change ‘${initial.name}’` : 'Add a variable'} confirmLabel="Set variable" ready={Boolean(variable)} onClose={onClose} onConfirm={() => setVariables(instanceId, variable!).then(() => undefined)}>
      {initial && <p>Now: <code>{formatValue(initial.value)}</code></p>}
      <VariableFields name={name} value={value} fixedName={Boolean(initial)} onName={setName} onValue={setValue} />
      <p class="mon-hint">Conditions and expressions that run after this see the new value.</p>
    </ActionDialog>
  );
}

/** Hand an open task to someone else, or back to its candidates. */
export function ReassignDialog({ task, onClose, nameOf, personName }: Base & { task: Task; personName(id: string | null | undefined): string }) {
  const [people, setPeople] = useState<Person[]>();
  const [error, setError] = useState<string>();
  const [assignee, setAssignee] = useState(task.assignee ?? '');
  useEffect(() => {
    loadPeople().then(setPeople, (failure: Error) => setError(failure.message));
  }, []);
  const candidates = [...task.candidateGroups.map((g) => `group ${g}`), ...task.candidateUsers.map((u) => personName(u))];
  const fits = (person: Person) => task.candidateUsers.includes(person.id) || person.groups.some((g) => task.candidateGroups.includes(g));
  const sorted = [...(people ?? [])].sort((a, b) => Number(fits(b)) - Number(fits(a)) || a.displayName.localeCompare(b.displayName));
  return (
    <ActionDialog title={`Reassign ‘${task.name ?? nameOf(task.elementId)}’`} confirmLabel="Reassign" ready={(assignee || null) !== task.assignee} onClose={onClose} onConfirm={() => assignTask(task.id, assignee || null).then(() => undefined)}>
      <p>Now: {task.assignee ? `assigned to ${personName(task.assignee)}` : 'nobody has it'}{candidates.length ? `; candidates: ${candidates.join(', ')}` : ''}.</p>
      {error && <div class="alert error" role="alert">{error}</div>}
      <div class="field">
        <label for="mon-assignee">Give it to</label>
        <select id="mon-assignee" class="select" value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)} disabled={!people}>
          <option value="">Nobody (back to its candidates)</option>
          {sorted.map((person) => <option key={person.id} value={person.id}>{person.displayName}{fits(person) ? ' (candidate)' : ''}</option>)}
        </select>
      </div>
    </ActionDialog>
  );
}

/** Cancel the token at one element and start one at another. */
export function MoveDialog({ instanceId, from, to, onClose, nameOf }: Base & { instanceId: string; from: string; to: string }) {
  return (
    <ActionDialog title="Move the token" confirmLabel="Move token" onClose={onClose} onConfirm={() => moveToken(instanceId, from, to).then(() => undefined)}>
      <p>Cancel the token at <strong>‘{nameOf(from)}’</strong> and start one at <strong>‘{nameOf(to)}’</strong>?</p>
      <p>What waits at ‘{nameOf(from)}’ (its task, job or timer) is cancelled; ‘{nameOf(to)}’ starts as if a flow had just reached it.</p>
    </ActionDialog>
  );
}

/** Cancel the whole instance. */
export function CancelDialog({ instanceId, label, onClose }: Base & { instanceId: string; label: string }) {
  return (
    <ActionDialog title={`Cancel ${label}`} confirmLabel="Cancel instance" danger onClose={onClose} onConfirm={() => cancelInstance(instanceId).then(() => undefined)}>
      <p>Every open task, job, timer and subscription of this instance is cancelled, and so are the instances it called. This cannot be undone.</p>
    </ActionDialog>
  );
}
