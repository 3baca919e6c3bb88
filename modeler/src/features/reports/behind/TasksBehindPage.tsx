/** The tasks behind a figure of the reports, 50 a page, with their times, each opening its instance in the monitor. */
import { linkClick, navigate, useLocation } from '../../../app/router';
import { useTitle } from '../../../app/title';
import { DataTable, type Column } from '../components/DataTable';
import { ReportsHeader } from '../components/ReportsHeader';
import { formatDateTime, formatDuration, hours } from '../format';
import { loadTasksBehind, type TasksBehind, type TasksQuery } from '../reportsApi';
import { useReport } from '../useReport';
import { Pager } from './Pager';

type Row = TasksBehind['items'][number];
const KEYS = ['definitionKey', 'definitionId', 'elementId', 'userId', 'group', 'figure', 'from', 'to'] as const;

export function TasksBehindPage() {
  const { search } = useLocation();
  const title = search.get('title') ?? 'Tasks behind a figure';
  useTitle(`${title} · Reports`);
  const query = Object.fromEntries(KEYS.filter((k) => search.get(k)).map((k) => [k, search.get(k)])) as unknown as TasksQuery;
  const offset = Number(search.get('offset') ?? 0);
  const list = useReport(() => loadTasksBehind({ ...query, limit: 50, offset }), [search.toString()]);
  const done = query.figure === 'completed' || query.figure === 'onTime' || query.figure === 'late';
  const columns: Column<Row>[] = [
    { header: 'Task', cell: (r) => <>{r.name ?? r.elementId}<span class="rep-key">{r.definitionKey}</span></>, csv: (r) => r.name ?? r.elementId },
    { header: 'Business key', cell: (r) => <a href={`/monitor/instances/${r.instanceId}`} onClick={linkClick}>{r.businessKey ?? r.instanceId.slice(0, 8)}</a>, csv: (r) => r.businessKey ?? r.instanceId },
    { header: done ? 'Completed by' : 'Assignee', cell: (r) => (done ? r.completedBy : r.assignee) ?? '—', csv: (r) => (done ? r.completedBy : r.assignee) ?? '' },
    { header: 'Created', cell: (r) => formatDateTime(r.createdAt), csv: (r) => r.createdAt },
    { header: done ? 'Completed' : 'Deadline', cell: (r) => formatDateTime(done ? r.completedAt : r.deadline), csv: (r) => (done ? r.completedAt : r.deadline) ?? '' },
    ...(done ? [
      { header: 'Waiting', numeric: true, csvHeader: 'Waiting (hours)', cell: (r: Row) => formatDuration(r.waitingMs), csv: (r: Row) => hours(r.waitingMs) },
      { header: 'Working', numeric: true, csvHeader: 'Working (hours)', cell: (r: Row) => formatDuration(r.workingMs), csv: (r: Row) => hours(r.workingMs) },
      { header: 'On time', cell: (r: Row) => (r.onTime === null ? 'no deadline' : r.onTime ? 'yes' : <span class="rep-danger-text">late</span>), csv: (r: Row) => (r.onTime === null ? '' : r.onTime ? 'yes' : 'no') },
    ] : []),
  ];
  const page = (next: number) => {
    const params = new URLSearchParams(search);
    params.set('offset', String(next));
    navigate(`/reports/tasks?${params.toString()}`);
  };
  return (
    <main class="rep-page" aria-labelledby="rep-title">
      <ReportsHeader title={title} lead={list.data ? `${list.data.total} task${list.data.total === 1 ? '' : 's'}` : 'Loading…'} />
      <nav class="rep-back"><a href="#" onClick={(e) => { e.preventDefault(); history.back(); }}>‹ Back to the report</a></nav>
      {list.error && <div class="alert error" role="alert">{list.error}</div>}
      {list.data && <DataTable title="Tasks" fileName={`tasks-${query.figure}`} rows={list.data.items} columns={columns} rowKey={(r) => r.id} empty="No task." />}
      {list.data && <Pager offset={offset} limit={50} total={list.data.total} onPage={page} />}
    </main>
  );
}
