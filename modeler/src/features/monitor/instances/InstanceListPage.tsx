/**
 * The instance list: the overview's counts open here, filtered by the URL.
 * Newest start first, 25 per page, refreshed every 15 seconds.
 */
import { api, ok } from '../../../api';
import { linkClick, navigate, useLocation } from '../../../app/router';
import type { SessionUser } from '../../../app/session';
import { useTitle } from '../../../app/title';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { Pagination } from '../components/Pagination';
import { StateBadge } from '../components/StateBadge';
import { formatDateTime, formatRelative } from '../format';
import { loadInstances } from '../monitorApi';
import { useStuckThreshold } from '../stuckThreshold';
import { useLoad } from '../useLoad';
import { describeFilter } from './describeFilter';
import { InstanceFilters, type DefinitionOption } from './InstanceFilters';
import { filterFrom, listHref, PAGE_SIZE, toQuery, type ListFilter } from './listFilter';

const loadDefinitions = () => ok(api.GET('/api/process-definitions', { params: { query: { limit: 1000 } } })).then((page) => page.items as DefinitionOption[]);

export function InstanceListPage({ user }: { user: SessionUser }) {
  useTitle('Instances · Monitor');
  const { search } = useLocation();
  const filter = filterFrom(search);
  const [threshold] = useStuckThreshold(user.id);
  const query = toQuery(filter);
  const list = useLoad(() => loadInstances(query), [JSON.stringify(query)], { pollMs: 15_000 });
  const definitions = useLoad(loadDefinitions, []);
  const show = (next: ListFilter) => navigate(listHref(next), { replace: true });
  const items = list.data?.items ?? [];
  const heading = describeFilter(filter, definitions.data ?? []);

  return (
    <main class="mon-page" aria-labelledby="mon-title">
      <Breadcrumbs trail={[{ label: 'Monitor', href: '/monitor' }, { label: 'Instances' }]} />
      <header class="mon-page-header">
        <div>
          <h1 id="mon-title">Instances</h1>
          <p class="mon-lead" aria-live="polite">{heading}{list.data ? ` — ${list.data.total} found` : ''}</p>
        </div>
      </header>
      <InstanceFilters filter={filter} definitions={definitions.data ?? []} threshold={threshold} onChange={show} />
      {list.error && <div class="alert error" role="alert">The instances could not be loaded: {list.error}</div>}
      <section class="mon-card" aria-label="Matching instances" aria-busy={list.loading}>
        {list.data && items.length === 0 && <p class="mon-empty">No instance matches these filters.</p>}
        {items.length > 0 && (
          <table class="mon-table mon-instance-table">
            <thead>
              <tr>
                <th scope="col">Business key</th>
                <th scope="col">Process</th>
                <th scope="col">State</th>
                <th scope="col">Started</th>
                <th scope="col">Last step</th>
                <th scope="col">Incidents</th>
                <th scope="col">Overdue tasks</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <th scope="row" data-label="Business key">
                    <a href={`/monitor/instances/${item.id}`} onClick={linkClick}>{item.businessKey ?? <span class="mon-muted">no key · {item.id.slice(0, 8)}</span>}</a>
                  </th>
                  <td data-label="Process"><span>{item.definitionName ?? item.definitionKey} <span class="mon-muted">v{item.definitionVersion}</span></span></td>
                  <td data-label="State"><StateBadge state={item.state} incidents={item.openIncidents} /></td>
                  <td data-label="Started" title={formatDateTime(item.startedAt)}>{formatRelative(item.startedAt)}</td>
                  <td data-label="Last step" title={formatDateTime(item.updatedAt)}>{item.endedAt ? <span class="mon-muted">ended {formatRelative(item.endedAt)}</span> : formatRelative(item.updatedAt)}</td>
                  <td data-label="Incidents">{item.openIncidents ? <span class="mon-pill mon-pill-danger">{item.openIncidents}</span> : <span class="mon-muted">0</span>}</td>
                  <td data-label="Overdue tasks">{item.overdueTasks ? <span class="mon-pill mon-pill-warning">{item.overdueTasks}</span> : <span class="mon-muted">0</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list.data && <Pagination offset={filter.offset ?? 0} limit={PAGE_SIZE} total={list.data.total} onPage={(offset) => navigate(listHref({ ...filter, offset }))} />}
      </section>
    </main>
  );
}
