/**
 * /tasks/start: start a process, as Camunda Tasklist's "Processes" tab
 * does. The processes the user may start on the left (each with what it is
 * for), the chosen one (/tasks/start/<key>) on the right with its start
 * form; on a narrow screen one at a time.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PageProps } from '../../../app/PageDefinition';
import { useTitleDetail } from '../../../app/title';
import { listStartable, type StartableProcess } from './startApi';
import { ProcessList } from './ProcessList';
import { StartProcess } from './StartProcess';
import '../tasks.css';
import './start.css';

export default function StartPage({ user, subpath }: PageProps) {
  const chosenKey = decodeURIComponent(subpath.split('/')[0] ?? '') || undefined;
  const [processes, setProcesses] = useState<StartableProcess[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    listStartable().then(setProcesses, (failure: Error) => setError(failure.message));
  }, []);

  const chosen = processes?.find((p) => p.key === chosenKey);
  useTitleDetail(chosen ? (chosen.name ?? chosen.key) : undefined);
  const worksTasks = user.roles.some((role) => ['employee', 'manager', 'admin'].includes(role));

  return (
    <div class={`tasks-page start-page${chosenKey ? ' has-selection' : ''}`}>
      <ProcessList processes={processes} error={error} chosenKey={chosenKey} worksTasks={worksTasks} />
      <main class="task-pane" aria-label="Process">
        {chosen ? (
          <StartProcess key={chosen.key} process={chosen} user={user} worksTasks={worksTasks} />
        ) : chosenKey && processes ? (
          <div class="task-pane-empty" role="alert">
            <h2>This process cannot be started here</h2>
            <p>“{chosenKey}” is not deployed, or it starts only by a message, a signal or a timer. Choose one from the list.</p>
          </div>
        ) : (
          <div class="task-pane-empty">
            <h2>Start a process</h2>
            <p>Choose a process from the list: register a customer request, plan an event, start a service period. Fill in its form and start it; if a first task is yours, you can go straight to it.</p>
          </div>
        )}
      </main>
    </div>
  );
}
