/** The reports' start: every process over the period, each figure a link to the instances behind it and each process to its own report. */
import { linkClick, navigate } from '../../../app/router';
import { useTitle } from '../../../app/title';
import { DataTable, type Column } from '../components/DataTable';
import { FigureLink } from '../components/FigureLink';
import { ReportsHeader } from '../components/ReportsHeader';
import { instancesHref } from '../components/behindLinks';
import { periodSearch, usePeriod } from '../components/usePeriod';
import { formatDuration, formatShare, hours } from '../format';
import { loadSummary, type ProcessSummary } from '../reportsApi';
import { useReport } from '../useReport';
import { BarChart } from '../components/BarChart';

type Row = ProcessSummary['items'][number];

export function ProcessesPage() {
  useTitle('Reports');
  const [period, setPeriod] = usePeriod();
  const summary = useReport(() => loadSummary(period), [JSON.stringify(period)]);
  const data = summary.data;
  const shown = data?.items ?? [];
  const range = data ? { from: data.periodStarts, to: data.periodEnds } : { from: '', to: '' };
  const behind = (row: Row, figure: 'started' | 'completed' | 'cancelled' | 'withinSla' | 'breachedSla', label: string) =>
    instancesHref({ definitionKey: row.definitionKey, figure, ...range, title: `${label} · ${row.name ?? row.definitionKey}` });
  const columns: Column<Row>[] = [
    { header: 'Process', cell: (r) => <a href={`/reports/processes/${encodeURIComponent(r.definitionKey)}${data ? `?${periodSearch(data.period)}` : ''}`} onClick={linkClick}>{r.name ?? r.definitionKey}<span class="rep-key">{r.definitionKey}</span></a>, csv: (r) => r.definitionKey },
    { header: 'Started', numeric: true, cell: (r) => <FigureLink href={behind(r, 'started', 'Started')} label="instances started in the period" empty={!r.started}>{r.started}</FigureLink>, csv: (r) => r.started },
    { header: 'Completed', numeric: true, cell: (r) => <FigureLink href={behind(r, 'completed', 'Completed')} label="instances completed in the period" empty={!r.completed}>{r.completed}</FigureLink>, csv: (r) => r.completed },
    { header: 'Cancelled', numeric: true, cell: (r) => <FigureLink href={behind(r, 'cancelled', 'Cancelled')} label="instances cancelled in the period" empty={!r.cancelled}>{r.cancelled}</FigureLink>, csv: (r) => r.cancelled },
    { header: 'Median duration', numeric: true, csvHeader: 'Median duration (hours)', cell: (r) => <FigureLink href={behind(r, 'completed', 'Completed')} label="the completed instances measured" empty={r.durationMedianMs === null}>{formatDuration(r.durationMedianMs)}</FigureLink>, csv: (r) => hours(r.durationMedianMs) },
    { header: 'p90 duration', numeric: true, csvHeader: 'p90 duration (hours)', cell: (r) => <FigureLink href={behind(r, 'completed', 'Completed')} label="the completed instances measured" empty={r.durationP90Ms === null}>{formatDuration(r.durationP90Ms)}</FigureLink>, csv: (r) => hours(r.durationP90Ms) },
    { header: 'Within SLA', numeric: true, csvHeader: 'Within SLA (%)', cell: (r) => <FigureLink href={behind(r, 'breachedSla', 'Past their SLA')} label={`${r.withinSla} of ${r.slaJudged} completed within their SLA; opens those past it`} empty={r.withinSlaRate === null} tone={r.withinSlaRate !== null && r.withinSlaRate < 0.9 ? 'warning' : 'good'}>{formatShare(r.withinSlaRate)}</FigureLink>, csv: (r) => (r.withinSlaRate === null ? '' : Math.round(r.withinSlaRate * 1000) / 10) },
    { header: 'Open now', numeric: true, cell: (r) => <FigureLink href={`/monitor/instances?definitionKey=${encodeURIComponent(r.definitionKey)}&state=active`} label="instances running now (monitor)" empty={!r.open}>{r.open}</FigureLink>, csv: (r) => r.open },
  ];
  const active = shown.filter((r) => r.started || r.completed || r.open);
  return (
    <main class="rep-page" aria-labelledby="rep-title">
      <ReportsHeader title="Reports" lead="How long requests wait and take, how many are handled on time, and where they pile up. Every figure opens what is behind it." period={data?.period} onPeriod={setPeriod} />
      {summary.error && <div class="alert error" role="alert">The report could not be loaded: {summary.error}</div>}
      {active.length > 0 && (
        <section class="rep-card" aria-label="Started and completed per process">
          <header class="rep-card-header"><h2>Started and completed</h2></header>
          <BarChart
            label="Instances started and completed per process in the period"
            categories={active.map((r) => r.name ?? r.definitionKey)}
            series={[{ label: 'Started', values: active.map((r) => r.started), colour: '#94a3b8' }, { label: 'Completed', values: active.map((r) => r.completed), colour: '#0f766e' }]}
            horizontal height={Math.max(160, 44 * active.length + 60)}
            onPick={(series, n) => navigate(behind(active[n], series ? 'completed' : 'started', series ? 'Completed' : 'Started'))}
          />
        </section>
      )}
      <DataTable title="Processes" fileName="processes" rows={shown} columns={columns} rowKey={(r) => r.definitionKey} empty="Nothing is deployed yet." />
    </main>
  );
}
