/**
 * One process over the period: per bucket (chart and table) instances
 * started, completed and cancelled with the median duration, the totals,
 * open instances by age, the user task elements with their trend, and the
 * heat map of a version. All versions, or one.
 */
import { linkClick, navigate, useLocation } from '../../../app/router';
import { useTitle } from '../../../app/title';
import { BarChart } from '../components/BarChart';
import { DataTable, type Column } from '../components/DataTable';
import { FigureLink } from '../components/FigureLink';
import { ReportsHeader } from '../components/ReportsHeader';
import { instancesHref } from '../components/behindLinks';
import { usePeriod } from '../components/usePeriod';
import { bucketLabel, formatDuration, formatShare, hours } from '../format';
import { loadProcess, type ProcessReport } from '../reportsApi';
import { useReport } from '../useReport';
import { TaskElementsTable } from './TaskElementsTable';
import { HeatMapCard } from '../heat-map/HeatMapCard';

type Bucket = ProcessReport['buckets'][number];
type Figure = 'started' | 'completed' | 'cancelled' | 'withinSla' | 'breachedSla';

export function ProcessPage({ definitionKey }: { definitionKey: string }) {
  const [period, setPeriod, search] = usePeriod();
  const definitionId = search.get('definitionId') ?? undefined;
  const report = useReport(() => loadProcess(definitionKey, { ...period, definitionId }), [definitionKey, definitionId, JSON.stringify(period)]);
  const data = report.data;
  const name = data?.definition.name ?? definitionKey;
  useTitle(`${name} · Reports`);
  const { path } = useLocation();
  const scope = { definitionKey, definitionId };
  const behind = (figure: Figure, from: string, to: string, title: string) => instancesHref({ ...scope, figure, from, to, title: `${title} · ${name}` });
  const label = (b: Bucket) => bucketLabel(b.start, data!.period.bucket);
  const columns: Column<Bucket>[] = [
    { header: data?.period.bucket === 'month' ? 'Month' : data?.period.bucket === 'day' ? 'Day' : 'Week', cell: (b) => label(b), csv: (b) => b.start, csvHeader: 'First day' },
    { header: 'Started', numeric: true, cell: (b) => <FigureLink href={behind('started', b.from, b.to, `Started, ${label(b)}`)} label={`instances started, ${label(b)}`} empty={!b.started}>{b.started}</FigureLink>, csv: (b) => b.started },
    { header: 'Completed', numeric: true, cell: (b) => <FigureLink href={behind('completed', b.from, b.to, `Completed, ${label(b)}`)} label={`instances completed, ${label(b)}`} empty={!b.completed}>{b.completed}</FigureLink>, csv: (b) => b.completed },
    { header: 'Cancelled', numeric: true, cell: (b) => <FigureLink href={behind('cancelled', b.from, b.to, `Cancelled, ${label(b)}`)} label={`instances cancelled, ${label(b)}`} empty={!b.cancelled}>{b.cancelled}</FigureLink>, csv: (b) => b.cancelled },
    { header: 'Median duration', numeric: true, csvHeader: 'Median duration (hours)', cell: (b) => <FigureLink href={behind('completed', b.from, b.to, `Completed, ${label(b)}`)} label="the completed instances measured" empty={b.durationMedianMs === null}>{formatDuration(b.durationMedianMs)}</FigureLink>, csv: (b) => hours(b.durationMedianMs) },
    { header: 'p90 duration', numeric: true, csvHeader: 'p90 duration (hours)', cell: (b) => <FigureLink href={behind('completed', b.from, b.to, `Completed, ${label(b)}`)} label="the completed instances measured" empty={b.durationP90Ms === null}>{formatDuration(b.durationP90Ms)}</FigureLink>, csv: (b) => hours(b.durationP90Ms) },
    { header: 'Within SLA', numeric: true, csvHeader: 'Within SLA (%)', cell: (b) => <FigureLink href={behind('breachedSla', b.from, b.to, `Past their SLA, ${label(b)}`)} label={`${b.withinSla} of ${b.slaJudged} within their SLA; opens those past it`} empty={b.withinSlaRate === null}>{formatShare(b.withinSlaRate)}</FigureLink>, csv: (b) => (b.withinSlaRate === null ? '' : Math.round(b.withinSlaRate * 1000) / 10) },
  ];
  const ages = data?.openByAge ?? [];
  const ageColumns: Column<(typeof ages)[number]>[] = [
    { header: 'Open for', cell: (a) => a.label, csv: (a) => a.label },
    { header: 'Instances', numeric: true, cell: (a) => <FigureLink href={instancesHref({ ...scope, figure: 'open', ageBand: a.band, at: data!.now, title: `Open ${a.label} · ${name}` })} label={`instances open ${a.label}`} empty={!a.count} tone={a.band >= 3 ? 'warning' : undefined}>{a.count}</FigureLink>, csv: (a) => a.count },
  ];
  const setVersion = (id: string) => {
    const next = new URLSearchParams(location.search);
    if (id) next.set('definitionId', id);
    else next.delete('definitionId');
    navigate(`${path}?${next.toString()}`, { replace: true });
  };
  const totals = data?.totals;
  return (
    <main class="rep-page" aria-labelledby="rep-title">
      <ReportsHeader title={name} lead={`${definitionKey} · instances over the period, their tasks, and where time goes`} period={data?.period} onPeriod={setPeriod}>
        {data && (
          <label class="rep-field">
            <span>Version</span>
            <select class="select" value={definitionId ?? ''} onChange={(e) => setVersion(e.currentTarget.value)}>
              <option value="">All versions</option>
              {data.definition.versions.map((v) => <option key={v.id} value={v.id}>Version {v.version}</option>)}
            </select>
          </label>
        )}
      </ReportsHeader>
      <nav class="rep-back"><a href="/reports" onClick={linkClick}>‹ All processes</a></nav>
      {report.error && <div class="alert error" role="alert">The report could not be loaded: {report.error}</div>}
      {data && totals && (
        <>
          <section class="rep-tiles" aria-label="Totals of the period">
            <Tile title="Started" href={behind('started', data.from, data.to, 'Started')} value={String(totals.started)} empty={!totals.started} />
            <Tile title="Completed" href={behind('completed', data.from, data.to, 'Completed')} value={String(totals.completed)} empty={!totals.completed} />
            <Tile title="Median duration" href={behind('completed', data.from, data.to, 'Completed')} value={formatDuration(totals.durationMedianMs)} hint={`p90 ${formatDuration(totals.durationP90Ms)}`} empty={totals.durationMedianMs === null} />
            <Tile title="Within SLA" href={behind('breachedSla', data.from, data.to, 'Past their SLA')} value={formatShare(totals.withinSlaRate)} hint={totals.slaJudged ? `${totals.withinSla} of ${totals.slaJudged} completed` : 'no deadlines'} empty={totals.withinSlaRate === null} />
          </section>
          <section class="rep-card" aria-label="Instances per bucket">
            <header class="rep-card-header"><h2>Instances per {data.period.bucket}</h2><span class="rep-muted">{data.period.timeZone}</span></header>
            <BarChart
              label={`Instances started, completed and cancelled per ${data.period.bucket}, with the median duration in hours`}
              categories={data.buckets.map(label)}
              series={[
                { label: 'Started', values: data.buckets.map((b) => b.started), colour: '#94a3b8' },
                { label: 'Completed', values: data.buckets.map((b) => b.completed), colour: '#0f766e' },
                { label: 'Cancelled', values: data.buckets.map((b) => b.cancelled), colour: '#f59e0b' },
                { label: 'Median duration (h)', values: data.buckets.map((b) => (b.durationMedianMs === null ? null : Math.round(b.durationMedianMs / 36_000) / 100)), colour: '#7c3aed', line: true },
              ]}
              lineAxis="hours"
              onPick={(series, n) => {
                const b = data.buckets[n];
                const figure = (['started', 'completed', 'cancelled', 'completed'] as Figure[])[series];
                navigate(behind(figure, b.from, b.to, `${figure[0].toUpperCase()}${figure.slice(1)}, ${label(b)}`));
              }}
            />
          </section>
          <DataTable title={`Per ${data.period.bucket}`} fileName={`${definitionKey}-per-${data.period.bucket}`} rows={data.buckets} columns={columns} rowKey={(b) => b.start} />
          <DataTable title="Open now, by age" fileName={`${definitionKey}-open-by-age`} rows={ages} columns={ageColumns} rowKey={(a) => String(a.band)} />
          <TaskElementsTable definitionKey={definitionKey} definitionId={definitionId} period={period} name={name} />
          <HeatMapCard definitionId={definitionId ?? data.definition.versions[0].id} processId={definitionKey} period={period} versions={data.definition.versions} definitionKey={definitionKey} />
        </>
      )}
    </main>
  );
}

function Tile({ title, value, hint, href, empty }: { title: string; value: string; hint?: string; href: string; empty: boolean }) {
  return (
    <div class="rep-tile">
      <span class="rep-tile-title">{title}</span>
      <FigureLink href={href} label={title} empty={empty}>{value}</FigureLink>
      {hint && <span class="rep-tile-hint">{hint}</span>}
    </div>
  );
}
