/**
 * Who holds what now: per person (of a group) the open tasks with their
 * deadlines, most loaded first, overdue ones marked. A manager selects tasks
 * (of anyone) and hands them on at once: to a colleague, or each to the
 * least-loaded member of a group; the view updates after.
 */
import { useState } from 'preact/hooks';
import { navigate, useLocation } from '../../../app/router';
import { useTitle } from '../../../app/title';
import { BarChart } from '../components/BarChart';
import { DataTable, type Column } from '../components/DataTable';
import { FigureLink } from '../components/FigureLink';
import { ReportsHeader } from '../components/ReportsHeader';
import { tasksHref } from '../components/behindLinks';
import { loadWorkload, type Workload } from '../reportsApi';
import { useReport } from '../useReport';
import { PersonTasks } from './PersonTasks';
import { ReassignBar } from './ReassignBar';

type Person = Workload['people'][number];

export function WorkloadPage() {
  useTitle('Workload · Reports');
  const { search } = useLocation();
  const group = search.get('group') ?? undefined;
  const workload = useReport(() => loadWorkload(group), [group]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string>();
  const data = workload.data;
  const people = data?.people ?? [];
  const names = Object.fromEntries(people.map((p) => [p.userId, p.displayName]));
  const toggle = (ids: string[], on: boolean) => setSelected((previous) => {
    const next = new Set(previous);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    return next;
  });
  const setGroup = (value: string) => {
    setSelected(new Set());
    navigate(value ? `/reports/workload?group=${encodeURIComponent(value)}` : '/reports/workload', { replace: true });
  };
  const columns: Column<Person>[] = [
    { header: 'Employee', cell: (p) => <>{p.displayName}{p.disabled && <span class="rep-key">account disabled</span>}</>, csv: (p) => p.displayName },
    { header: 'Disabled', csvOnly: true, cell: () => null, csv: (p) => (p.disabled ? 'yes' : '') },
    { header: 'Groups', cell: (p) => p.groups.join(', '), csv: (p) => p.groups.join(' ') },
    { header: 'Open', numeric: true, cell: (p) => <FigureLink href={tasksHref({ userId: p.userId, figure: 'open', title: `Open with ${p.displayName}` })} label="open tasks" empty={!p.open}>{p.open}</FigureLink>, csv: (p) => p.open },
    { header: 'Overdue', numeric: true, cell: (p) => <FigureLink href={tasksHref({ userId: p.userId, figure: 'overdue', title: `Overdue with ${p.displayName}` })} label="open tasks past their deadline" empty={!p.overdue} tone="danger">{p.overdue}</FigureLink>, csv: (p) => p.overdue },
  ];
  const done = async (message: string) => {
    setSelected(new Set());
    await workload.reload();
    setNotice(message);
  };
  return (
    <main class="rep-page" aria-labelledby="rep-title">
      <ReportsHeader title="Workload" lead="Open tasks and their deadlines per person, most loaded first. Select tasks to hand them on to a colleague, or each to whoever in a group has the fewest.">
        <label class="rep-field">
          <span>Group</span>
          <select class="select" value={group ?? ''} onChange={(e) => setGroup(e.currentTarget.value)}>
            <option value="">Everyone</option>
            {(data?.groups ?? []).map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </select>
        </label>
      </ReportsHeader>
      {workload.error && <div class="alert error" role="alert">The workload could not be loaded: {workload.error}</div>}
      <div class="rep-notice" role="status" aria-live="polite">{notice && <div class="alert success">{notice}</div>}</div>
      {people.some((p) => p.open) && (
        <section class="rep-card" aria-label="Open tasks per person">
          <header class="rep-card-header"><h2>Open tasks per person</h2></header>
          <BarChart
            label="Open tasks per person, on time and overdue"
            categories={people.map((p) => p.displayName)}
            series={[
              { label: 'On time', values: people.map((p) => p.open - p.overdue), colour: '#0f766e', stack: 'open' },
              { label: 'Overdue', values: people.map((p) => p.overdue), colour: '#dc2626', stack: 'open' },
            ]}
            horizontal height={Math.max(160, 34 * people.length + 60)}
            onPick={(series, n) => navigate(tasksHref({ userId: people[n].userId, figure: series ? 'overdue' : 'open', title: people[n].displayName }))}
          />
        </section>
      )}
      <DataTable title="Open tasks per person" fileName="workload" rows={people} columns={columns} rowKey={(p) => p.userId} empty="Nobody works on tasks yet." />
      {selected.size > 0 && data && <ReassignBar selected={[...selected]} people={people} groups={data.groups} group={group} names={names} onDone={done} onClear={() => setSelected(new Set())} />}
      <section class="rep-people" aria-label="Tasks per person">
        {people.filter((p) => p.open).map((p) => <PersonTasks key={p.userId} person={p} selected={selected} onToggle={toggle} />)}
      </section>
    </main>
  );
}
