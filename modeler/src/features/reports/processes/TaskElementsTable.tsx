/**
 * Per user task element over the period: tasks completed, waiting before
 * claim and working time (median, p90), on-time rate, open and overdue now,
 * and the trend against the period before (arrows, green when better; the
 * figures before are in the CSV).
 */
import { DataTable, type Column } from '../components/DataTable';
import { FigureLink } from '../components/FigureLink';
import { tasksHref } from '../components/behindLinks';
import { formatDuration, formatShare, hours } from '../format';
import { loadTaskElements, type PeriodQuery, type TaskElements } from '../reportsApi';
import { useReport } from '../useReport';

type Row = TaskElements['items'][number];

/** "▲ 20 %" / "▼ 5 min": how a figure moved since the period before, and whether that is good. */
function Trend({ now, before, lowerIsBetter, format }: { now: number | null; before: number | null; lowerIsBetter: boolean; format(delta: number): string }) {
  if (now === null || before === null || now === before) return <span class="rep-trend rep-muted">{before === null ? 'new' : '='}</span>;
  const up = now > before;
  const good = up !== lowerIsBetter;
  return <span class={`rep-trend ${good ? 'rep-trend-good' : 'rep-trend-bad'}`} title={`before: ${format(before)}`}>{up ? '▲' : '▼'} {format(Math.abs(now - before))}</span>;
}

export function TaskElementsTable({ definitionKey, definitionId, period, name }: { definitionKey: string; definitionId?: string; period: PeriodQuery; name: string }) {
  const report = useReport(() => loadTaskElements(definitionKey, { ...period, definitionId }), [definitionKey, definitionId, JSON.stringify(period)]);
  const data = report.data;
  if (report.error) return <div class="alert error" role="alert">The task report could not be loaded: {report.error}</div>;
  if (!data) return null;
  const range = { from: data.from, to: data.to };
  const tasks = (row: Row, figure: 'completed' | 'onTime' | 'late' | 'open' | 'overdue', title: string) =>
    tasksHref({ definitionKey, definitionId, elementId: row.elementId, figure, ...(['open', 'overdue'].includes(figure) ? {} : range), title: `${title} · ${row.name ?? row.elementId} · ${name}` });
  const pct = (share: number | null) => (share === null ? '' : Math.round(share * 1000) / 10);
  const columns: Column<Row>[] = [
    { header: 'Task', cell: (r) => <>{r.name ?? r.elementId}<span class="rep-key">{r.elementId}</span></>, csv: (r) => r.name ?? r.elementId },
    { header: 'Completed', numeric: true, cell: (r) => <FigureLink href={tasks(r, 'completed', 'Completed')} label="tasks completed in the period" empty={!r.completed}>{r.completed}</FigureLink>, csv: (r) => r.completed },
    { header: 'Waiting before claim', numeric: true, csvHeader: 'Median waiting (hours)', cell: (r) => <FigureLink href={tasks(r, 'completed', 'Completed')} label={`median; p90 ${formatDuration(r.waitingP90Ms)}`} empty={r.waitingMedianMs === null}>{formatDuration(r.waitingMedianMs)}</FigureLink>, csv: (r) => hours(r.waitingMedianMs) },
    { header: 'p90 waiting', numeric: true, csvHeader: 'p90 waiting (hours)', cell: (r) => <FigureLink href={tasks(r, 'completed', 'Completed')} label="the completed tasks measured" empty={r.waitingP90Ms === null}>{formatDuration(r.waitingP90Ms)}</FigureLink>, csv: (r) => hours(r.waitingP90Ms) },
    { header: 'Working time', numeric: true, csvHeader: 'Median working (hours)', cell: (r) => <><FigureLink href={tasks(r, 'completed', 'Completed')} label={`median; p90 ${formatDuration(r.workingP90Ms)}`} empty={r.workingMedianMs === null}>{formatDuration(r.workingMedianMs)}</FigureLink> <Trend now={r.workingMedianMs} before={r.previous.workingMedianMs} lowerIsBetter format={formatDuration} /></>, csv: (r) => hours(r.workingMedianMs) },
    { header: 'p90 working', numeric: true, csvHeader: 'p90 working (hours)', cell: (r) => <FigureLink href={tasks(r, 'completed', 'Completed')} label="the completed tasks measured" empty={r.workingP90Ms === null}>{formatDuration(r.workingP90Ms)}</FigureLink>, csv: (r) => hours(r.workingP90Ms) },
    { header: 'On time', numeric: true, csvHeader: 'On time (%)', cell: (r) => <><FigureLink href={tasks(r, 'late', 'Late')} label={`${r.onTime} of ${r.judged} on time; opens the late ones`} empty={r.onTimeRate === null} tone={r.onTimeRate !== null && r.onTimeRate < 0.9 ? 'warning' : 'good'}>{formatShare(r.onTimeRate)}</FigureLink> <Trend now={r.onTimeRate} before={r.previous.onTimeRate} lowerIsBetter={false} format={(d) => `${Math.round(d * 1000) / 10} pts`} /></>, csv: (r) => pct(r.onTimeRate) },
    { header: 'Completed before', csvOnly: true, cell: () => null, csv: (r) => r.previous.completed },
    { header: 'Median working before (hours)', csvOnly: true, cell: () => null, csv: (r) => hours(r.previous.workingMedianMs) },
    { header: 'On time before (%)', csvOnly: true, cell: () => null, csv: (r) => pct(r.previous.onTimeRate) },
    { header: 'Open now', numeric: true, cell: (r) => <FigureLink href={tasks(r, 'open', 'Open')} label="open tasks now" empty={!r.open}>{r.open}</FigureLink>, csv: (r) => r.open },
    { header: 'Overdue now', numeric: true, cell: (r) => <FigureLink href={tasks(r, 'overdue', 'Overdue')} label="open tasks past their deadline" empty={!r.overdue} tone="danger">{r.overdue}</FigureLink>, csv: (r) => r.overdue },
  ];
  return <DataTable title="User tasks" fileName={`${definitionKey}-tasks`} rows={data.items} columns={columns} rowKey={(r) => r.elementId} empty="No user task was open or completed in this period." />;
}
