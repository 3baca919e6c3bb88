/**
 * What happened after a start: the instance started (for which customer),
 * and the tasks of it the user may work on now, each linked (theirs, or
 * theirs to claim); managers also get the instance in the monitor.
 */
import { useEffect, useRef } from 'preact/hooks';
import { linkClick } from '../../../app/router';
import type { SessionUser } from '../../../app/session';
import type { StartableProcess, Started } from './startApi';

export function StartedNotice({ process, started, user, worksTasks, onAgain }: { process: StartableProcess; started: Started; user: SessionUser; worksTasks: boolean; onAgain(): void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const name = process.name ?? process.key;
  const { instance, tasks } = started;
  const monitor = user.roles.includes('manager') || user.roles.includes('admin');
  return (
    <div class="task-section started" ref={box} tabIndex={-1} role="status" aria-labelledby="started-title">
      <h2 id="started-title">Instance started</h2>
      <p>
        “{name}” is running{instance.businessKey ? <> for <strong class="business-key">{instance.businessKey}</strong></> : null}
        {instance.state === 'completed' ? ', and it has already completed.' : '.'}
      </p>
      {tasks.length > 0 ? (
        <ul class="started-tasks">
          {tasks.map((task) => (
            <li key={task.id}>
              <span>“{task.name ?? task.elementId}” {task.mine ? 'is assigned to you.' : 'is waiting for you or your group to claim it.'}</span>
              <a class="button primary" href={`/tasks/${task.id}`} onClick={linkClick}>{task.mine ? 'Open my task' : 'Open the task'}</a>
            </li>
          ))}
        </ul>
      ) : (
        instance.state !== 'completed' && <p class="muted-text">{worksTasks ? 'Nothing in it is waiting for you now: the process goes on with your colleagues.' : 'The process goes on with the people its tasks are for.'}</p>
      )}
      <div class="started-actions">
        <button type="button" class="button" onClick={onAgain}>Start another</button>
        {monitor && <a class="button ghost" href={`/monitor/instances/${instance.id}`} onClick={linkClick}>See it in the monitor</a>}
      </div>
    </div>
  );
}
