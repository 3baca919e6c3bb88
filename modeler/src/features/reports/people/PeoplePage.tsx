/**
 * Per employee and per group over the period: tasks completed, open now,
 * overdue now, on-time rate and median handling time (the employee's own
 * part), optionally for one group or one process; each figure opens the
 * tasks behind it.
 */
import { navigate } from '../../../app/router';
import { useTitle } from '../../../app/title';
import { BarChart } from '../components/BarChart';
import { DataTable, type Column } from '../components/DataTable';
import { FigureLink } from '../components/FigureLink';
import { ReportsHeader } from '../components/ReportsHeader';
import { tasksHref } from '../components/behindLinks';
import { usePeriod } from '../components/usePeriod';
import { formatDuration, formatShare, hours } from '../format';
import { loadPeople, loadSummary, type PeopleReport } from '../reportsApi';
import { useReport } from '../useReport';

type Person = PeopleReport['people'][number];
type Group = PeopleReport['groups'][number];
type Figures = Person | Group;
type TaskFigure = 'completed' | 'onTime' | 'late' | 'open' | 'overdue' | 'queued';

const pct = (share: number | null) => (share === null ? '' : Math.round(share * 1000) / 10);

export function PeoplePage() {
  useTitle('People · Reports');
  const [period, setPeriod, search] = usePeriod();
  const group = search.get('group') ?? undefined;
  const definitionKey = search.get('definitionKey') ?? undefined;
  const report = useReport(() => loadPeople({ ...period, group, definitionKey }), [JSON.stringify(period), group, definitionKey]);
  const processes = useReport(() => loadSummary({}), []);
  const data = report.data;
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    navigate(`/reports/people?${next.toString()}`, { replace: true });
  };
  const range = data ? { from: data.from, to: data.to } : {};
  const href = (who: { userId?: string; group?: string }, figure: TaskFigure, title: string) =>
    tasksHref({ ...who, definitionKey, figure, ...(['completed', 'onTime', 'late'].includes(figure) ? range : {}), title });
  const figureColumns = <T extends Figures>(who: (row: T) => { userId?: string; group?: string }, name: (row: T) => string): Column<T>[] => [
    { header: 'Completed', numeric: true, cell: (r) => <FigureLink href={href(who(r), 'completed', `Completed by ${name(r)}`)} label="tasks completed in the period" empty={!r.completed}>{r.completed}</FigureLink>, csv: (r) => r.completed },
    { header: 'Open now', numeric: true, cell: (r) => <FigureLink href={href(who(r), 'open', `Open with ${name(r)}`)} label="open tasks now" empty={!r.open}>{r.open}</FigureLink>, csv: (r) => r.open },
    { header: 'Overdue now', numeric: true, cell: (r) => <FigureLink href={href(who(r), 'overdue', `Overdue with ${name(r)}`)} label="open tasks past their deadline" empty={!r.overdue} tone="danger">{r.overdue}</FigureLink>, csv: (r) => r.overdue },
    { header: 'On time', numeric: true, csvHeader: 'On time (%)', cell: (r) => <FigureLink href={href(who(r), 'late', `Late, ${name(r)}`)} label={`${r.onTime} of ${r.judged} on time; opens the late ones`} empty={r.onTimeRate === null} tone={r.onTimeRate !== null && r.onTimeRate < 0.9 ? 'warning' : 'good'}>{formatShare(r.onTimeRate)}</FigureLink>, csv: (r) => pct(r.onTimeRate) },
    { header: 'Median handling', numeric: true, csvHeader: 'Median handling (hours)', cell: (r) => <FigureLink href={href(who(r), 'completed', `Completed by ${name(r)}`)} label={`median from getting a task to completing it; p90 ${formatDuration(r.handlingP90Ms)}`} empty={r.handlingMedianMs === null}>{formatDuration(r.handlingMedianMs)}</FigureLink>, csv: (r) => hours(r.handlingMedianMs) },
    { header: 'p90 handling', numeric: true, csvHeader: 'p90 handling (hours)', cell: (r) => <FigureLink href={href(who(r), 'completed', `Completed by ${name(r)}`)} label="the completed tasks measured" empty={r.handlingP90Ms === null}>{formatDuration(r.handlingP90Ms)}</FigureLink>, csv: (r) => hours(r.handlingP90Ms) },
  ];
  const people = (data?.people ?? []).filter((p) => !group || p.groups.includes(group));
  const personColumns: Column<Person>[] = [
    { header: 'Employee', cell: (p) => <>{p.displayName}<span class="rep-key">{p.disabled ? 'account disabled' : p.groups.join(', ') || 'no group'}</span></>, csv: (p) => p.displayName },
    { header: 'User id', csvOnly: true, cell: () => null, csv: (p) => p.userId },
    ...figureColumns<Person>((p) => ({ userId: p.userId }), (p) => p.displayName),
  ];
  const groupColumns: Column<Group>[] = [
    { header: 'Group', cell: (g) => <>{g.name}<span class="rep-key">{g.members} member{g.members === 1 ? '' : 's'}</span></>, csv: (g) => g.name },
    ...figureColumns<Group>((g) => ({ group: g.groupId }), (g) => g.name),
    { header: 'Unassigned', numeric: true, cell: (g) => <FigureLink href={href({ group: g.groupId }, 'queued', `Waiting unassigned for ${g.name}`)} label="open tasks offered to the group that nobody took" empty={!g.queued} tone="warning">{g.queued}</FigureLink>, csv: (g) => g.queued },
  ];
  const busy = people.filter((p) => p.completed || p.open);
  return (
    <main class="rep-page" aria-labelledby="rep-title">
      <ReportsHeader title="People" lead="Who completed how much, how fast and how punctually, and who holds what now. Every figure opens the tasks behind it." period={data?.period} onPeriod={setPeriod}>
        <div class="rep-filters">
          <label class="rep-field">
            <span>Group</span>
            <select class="select" value={group ?? ''} onChange={(e) => setFilter('group', e.currentTarget.value)}>
              <option value="">Everyone</option>
              {(data?.groups ?? []).map((g) => <option key={g.groupId} value={g.groupId}>{g.name}</option>)}
            </select>
          </label>
          <label class="rep-field">
            <span>Process</span>
            <select class="select" value={definitionKey ?? ''} onChange={(e) => setFilter('definitionKey', e.currentTarget.value)}>
              <option value="">All processes</option>
              {(processes.data?.items ?? []).map((p) => <option key={p.definitionKey} value={p.definitionKey}>{p.name ?? p.definitionKey}</option>)}
            </select>
          </label>
        </div>
      </ReportsHeader>
      {report.error && <div class="alert error" role="alert">The report could not be loaded: {report.error}</div>}
      {busy.length > 0 && (
        <section class="rep-card" aria-label="Completed and open per employee">
          <header class="rep-card-header"><h2>Completed and open per employee</h2></header>
          <BarChart
            label="Tasks completed in the period and open now, per employee"
            categories={busy.map((p) => p.displayName)}
            series={[
              { label: 'Completed', values: busy.map((p) => p.completed), colour: '#0f766e' },
              { label: 'Open, on time', values: busy.map((p) => p.open - p.overdue), colour: '#94a3b8', stack: 'open' },
              { label: 'Open, overdue', values: busy.map((p) => p.overdue), colour: '#dc2626', stack: 'open' },
            ]}
            height={280}
            onPick={(series, n) => navigate(href({ userId: busy[n].userId }, (['completed', 'open', 'overdue'] as TaskFigure[])[series], `${busy[n].displayName}`))}
          />
        </section>
      )}
      <DataTable title="Employees" fileName="employees" rows={people} columns={personColumns} rowKey={(p) => p.userId} empty="Nobody works on tasks yet." />
      <DataTable title="Groups" fileName="groups" rows={data?.groups ?? []} columns={groupColumns} rowKey={(g) => g.groupId} empty="There are no groups." />
    </main>
  );
}
