/**
 * The monitor's own routes below /monitor: the overview, the instance list
 * (filters in the query string, so every count is a link), one instance,
 * one definition version.
 */
import type { PageProps } from '../../app/PageDefinition';
import { linkClick } from '../../app/router';
import { useTitle } from '../../app/title';
import { OverviewPage } from './overview/OverviewPage';
import { InstanceListPage } from './instances/InstanceListPage';
import { InstancePage } from './instance/InstancePage';
import { DefinitionPage } from './definition/DefinitionPage';
import './monitor.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function NoSuchPage() {
  useTitle('Not found · Monitor');
  return (
    <main class="page-message" aria-labelledby="mon-missing">
      <h1 id="mon-missing">There is no such monitor page</h1>
      <p><a href="/monitor" onClick={linkClick}>Back to the monitor's overview</a></p>
    </main>
  );
}

export default function MonitorPage({ user, subpath }: PageProps) {
  const [section, id, ...rest] = subpath.split('/');
  if (!section) return <OverviewPage user={user} />;
  if (section === 'instances' && !id) return <InstanceListPage user={user} />;
  if (section === 'instances' && id && UUID.test(id) && !rest.length) return <InstancePage key={id} id={id} user={user} />;
  if (section === 'definitions' && id && UUID.test(id) && !rest.length) return <DefinitionPage key={id} id={id} user={user} />;
  return <NoSuchPage />;
}
