/**
 * The heat map of a process version over the period: coloured by where time
 * goes (median time of the tokens that completed each element) or where
 * instances wait now (tokens waiting), with the figures on the diagram and
 * in a table; each figure opens the instances behind it.
 */
import { useMemo, useState } from 'preact/hooks';
import { navigate } from '../../../app/router';
import { DataTable, type Column } from '../components/DataTable';
import { FigureLink } from '../components/FigureLink';
import { instancesHref } from '../components/behindLinks';
import { formatDuration, hours } from '../format';
import { loadHeatMap, loadXml, type HeatMap, type PeriodQuery } from '../reportsApi';
import { useReport } from '../useReport';
import { HeatMapView } from './HeatMapView';
import { heatLevel } from './heat-overlays';

type Mode = 'time' | 'waiting';
type Element = HeatMap['elements'][number];

/** Element names of a BPMN file by id (the table names elements as the diagram does). */
function elementNames(xml: string | undefined): Record<string, string> {
  if (!xml) return {};
  const names: Record<string, string> = {};
  for (const node of Array.from(new DOMParser().parseFromString(xml, 'application/xml').querySelectorAll('[id][name]'))) names[node.getAttribute('id')!] = node.getAttribute('name')!;
  return names;
}

export function HeatMapCard({ definitionId, definitionKey, processId, period, versions }: { definitionId: string; definitionKey: string; processId: string; period: PeriodQuery; versions: { id: string; version: number }[] }) {
  const [mode, setMode] = useState<Mode>('time');
  const heat = useReport(() => loadHeatMap(definitionId, period), [definitionId, JSON.stringify(period)]);
  const xml = useReport(() => loadXml(definitionId), [definitionId]);
  const data = heat.data;
  const version = versions.find((v) => v.id === definitionId)?.version;
  const value = (e: Element) => (mode === 'time' ? e.durationMedianMs : e.waiting);
  const behind = (elementId: string, m: Mode = mode) => data && instancesHref(m === 'time'
    ? { definitionKey, definitionId, figure: 'passedElement', elementId, from: data.from, to: data.to, title: `Passed ${elementId} · version ${version}` }
    : { definitionKey, definitionId, figure: 'atElement', elementId, title: `Waiting at ${elementId} · version ${version}` });
  const names = useMemo(() => elementNames(xml.data), [xml.data]);
  const elements = (data?.elements ?? []).filter((e) => (value(e) ?? 0) > 0).sort((a, b) => (value(b) ?? 0) - (value(a) ?? 0));
  const max = Math.max(0, ...elements.map((e) => value(e) ?? 0));
  const columns: Column<Element>[] = [
    { header: 'Element', cell: (e) => <><span class={`rep-heat-swatch rep-heat-swatch-${heatLevel(value(e) ?? 0, max)}`}>{names[e.elementId] ?? e.elementId}</span><span class="rep-key">{e.elementId}</span></>, csv: (e) => names[e.elementId] ?? e.elementId },
    { header: 'Element id', csvOnly: true, cell: () => null, csv: (e) => e.elementId },
    { header: 'Median time', numeric: true, csvHeader: 'Median time (hours)', cell: (e) => <FigureLink href={behind(e.elementId, 'time')!} label="tokens that completed it in the period" empty={e.durationMedianMs === null}>{formatDuration(e.durationMedianMs)}</FigureLink>, csv: (e) => hours(e.durationMedianMs) },
    { header: 'p90 time', numeric: true, csvHeader: 'p90 time (hours)', cell: (e) => <FigureLink href={behind(e.elementId, 'time')!} label="tokens that completed it in the period" empty={e.durationP90Ms === null}>{formatDuration(e.durationP90Ms)}</FigureLink>, csv: (e) => hours(e.durationP90Ms) },
    { header: 'Completed', numeric: true, cell: (e) => <FigureLink href={behind(e.elementId, 'time')!} label="tokens that completed it in the period" empty={!e.completed}>{e.completed}</FigureLink>, csv: (e) => e.completed },
    { header: 'Waiting now', numeric: true, cell: (e) => <FigureLink href={behind(e.elementId, 'waiting')!} label="instances waiting there now" empty={!e.waiting}>{e.waiting}</FigureLink>, csv: (e) => e.waiting },
  ];
  const view = {
    key: `${definitionId}:${mode}:${JSON.stringify(data?.elements ?? [])}`,
    values: Object.fromEntries((data?.elements ?? []).map((e) => [e.elementId, value(e)])),
    format: (v: number) => (mode === 'time' ? formatDuration(v) : `${v} waiting`),
    describe: (id: string, v: number) => (mode === 'time' ? `${names[id] ?? id}: median ${formatDuration(v)} in the period; click for the instances` : `${names[id] ?? id}: ${v} token${v === 1 ? '' : 's'} waiting now; click for the instances`),
    open: (id: string) => navigate(behind(id)!),
  };
  return (
    <>
      <section class="rep-card" aria-label="Heat map">
        <header class="rep-card-header">
          <h2>Heat map{version ? `, version ${version}` : ''}</h2>
          <div class="rep-toggle" role="group" aria-label="Colour by">
            <button type="button" class="button" aria-pressed={mode === 'time'} onClick={() => setMode('time')}>Where time goes</button>
            <button type="button" class="button" aria-pressed={mode === 'waiting'} onClick={() => setMode('waiting')}>Where instances wait now</button>
          </div>
        </header>
        {heat.error && <div class="alert error" role="alert">{heat.error}</div>}
        <HeatMapView xml={xml.data} processId={processId} label={`${definitionKey} version ${version}, coloured by ${mode === 'time' ? 'median time' : 'tokens waiting now'}`} heat={view} />
        <p class="rep-legend">
          <span class="rep-heat-swatch rep-heat-swatch-1">low</span><span class="rep-heat-swatch rep-heat-swatch-2" /><span class="rep-heat-swatch rep-heat-swatch-3" /><span class="rep-heat-swatch rep-heat-swatch-4">high</span>
          {mode === 'time' ? 'Median time of the tokens that completed each element in the period.' : 'Tokens waiting at each element now.'}
        </p>
      </section>
      <DataTable title={mode === 'time' ? 'Where time goes' : 'Where instances wait'} fileName={`${definitionKey}-v${version}-heat`} rows={elements} columns={columns} rowKey={(e) => e.elementId} empty={mode === 'time' ? 'No element completed in this period.' : 'No instance waits anywhere now.'} />
    </>
  );
}
