/**
 * The reports' own routes below /reports: every process, one process (with
 * its task elements and heat map), people and groups, the workload, and the
 * instances or tasks behind a figure.
 */
import type { PageProps } from '../../app/PageDefinition';
import { linkClick } from '../../app/router';
import { useTitle } from '../../app/title';
import { ProcessesPage } from './processes/ProcessesPage';
import { ProcessPage } from './processes/ProcessPage';
import { PeoplePage } from './people/PeoplePage';
import { WorkloadPage } from './workload/WorkloadPage';
import { InstancesBehindPage } from './behind/InstancesBehindPage';
import { TasksBehindPage } from './behind/TasksBehindPage';
import './reports.css';

function NoSuchPage() {
  useTitle('Not found · Reports');
  return (
    <main class="page-message" aria-labelledby="rep-missing">
      <h1 id="rep-missing">There is no such report</h1>
      <p><a href="/reports" onClick={linkClick}>Back to the reports</a></p>
    </main>
  );
}

export default function ReportsPage({ subpath }: PageProps) {
  const [section, key, ...rest] = subpath.split('/');
  if (!section) return <ProcessesPage />;
  if (section === 'processes' && key && !rest.length) return <ProcessPage key={key} definitionKey={decodeURIComponent(key)} />;
  if (section === 'people' && !key) return <PeoplePage />;
  if (section === 'workload' && !key) return <WorkloadPage />;
  if (section === 'instances' && !key) return <InstancesBehindPage />;
  if (section === 'tasks' && !key) return <TasksBehindPage />;
  return <NoSuchPage />;
}
