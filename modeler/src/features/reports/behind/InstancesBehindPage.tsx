/** The instances behind a figure of the reports, 50 a page, each opening its monitor page. */
import { linkClick, navigate, useLocation } from '../../../app/router';
import { useTitle } from '../../../app/title';
import { DataTable, type Column } from '../components/DataTable';
import { ReportsHeader } from '../components/ReportsHeader';
import { formatDateTime, formatDuration, hours } from '../format';
import { loadInstancesBehind, type InstancesBehind, type InstancesQuery } from '../reportsApi';
import { useReport } from '../useReport';
import { Pager } from './Pager';

type Row = InstancesBehind['items'][number];
const KEYS = ['definitionKey', 'definitionId', 'figure', 'elementId', 'from', 'to', 'ageBand', 'at'] as const;

export function InstancesBehindPage() {
  const { search } = useLocation();
  const title = search.get('title') ?? 'Instances behind a figure';
  useTitle(`${title} · Reports`);
  const query = Object.fromEntries(KEYS.filter((k) => search.get(k)).map((k) => [k, search.get(k)])) as unknown as InstancesQuery;
  const offset = Number(search.get('offset') ?? 0);
  const list = useReport(() => loadInstancesBehind({ ...query, limit: 50, offset }), [search.toString()]);
  const columns: Column<Row>[] = [
    { header: 'Business key', cell: (r) => <a href={`/monitor/instances/${r.id}`} onClick={linkClick}>{r.businessKey ?? r.id.slice(0, 8)}</a>, csv: (r) => r.businessKey ?? r.id },
    { header: 'Instance', csvOnly: true, cell: () => null, csv: (r) => r.id },
    { header: 'Version', numeric: true, cell: (r) => r.definitionVersion, csv: (r) => r.definitionVersion },
    { header: 'State', cell: (r) => r.state, csv: (r) => r.state },
    { header: 'Started', cell: (r) => formatDateTime(r.startedAt), csv: (r) => r.startedAt },
    { header: 'Ended', cell: (r) => formatDateTime(r.endedAt), csv: (r) => r.endedAt ?? '' },
    { header: 'Duration', numeric: true, csvHeader: 'Duration (hours)', cell: (r) => formatDuration(r.durationMs), csv: (r) => hours(r.durationMs) },
  ];
  const page = (next: number) => {
    const params = new URLSearchParams(search);
    params.set('offset', String(next));
    navigate(`/reports/instances?${params.toString()}`);
  };
  return (
    <main class="rep-page" aria-labelledby="rep-title">
      <ReportsHeader title={title} lead={list.data ? `${list.data.total} instance${list.data.total === 1 ? '' : 's'} of ${query.definitionKey}` : 'Loading…'} />
      <nav class="rep-back"><a href="#" onClick={(e) => { e.preventDefault(); history.back(); }}>‹ Back to the report</a></nav>
      {list.error && <div class="alert error" role="alert">{list.error}</div>}
      {list.data && <DataTable title="Instances" fileName={`instances-${query.figure}`} rows={list.data.items} columns={columns} rowKey={(r) => r.id} empty="No instance." />}
      {list.data && <Pager offset={offset} limit={50} total={list.data.total} onPage={page} />}
    </main>
  );
}
