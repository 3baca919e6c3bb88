/** The reports' header: title, the sub-pages (processes, people, workload) with the period carried along, and the period controls. */
import type { ComponentChildren } from 'preact';
import { linkClick, useLocation } from '../../../app/router';
import { PeriodControls, type ShownPeriod } from './PeriodControls';
import type { PeriodQuery } from '../reportsApi';

const SECTIONS = [
  { path: '/reports', label: 'Processes' },
  { path: '/reports/people', label: 'People' },
  { path: '/reports/workload', label: 'Workload' },
];

export function ReportsHeader({ title, lead, period, onPeriod, children }: { title: string; lead: string; period?: ShownPeriod; onPeriod?(change: Partial<PeriodQuery>): void; children?: ComponentChildren }) {
  const { path, search } = useLocation();
  const carried = new URLSearchParams([...search.entries()].filter(([key]) => ['from', 'to', 'bucket', 'timeZone'].includes(key))).toString();
  const current = path.startsWith('/reports/people') ? '/reports/people' : path.startsWith('/reports/workload') ? '/reports/workload' : path.startsWith('/reports/processes') || path === '/reports' ? '/reports' : '';
  return (
    <header class="rep-header">
      <nav class="rep-tabs" aria-label="Reports">
        {SECTIONS.map((s) => (
          <a key={s.path} href={`${s.path}${carried ? `?${carried}` : ''}`} onClick={linkClick} aria-current={current === s.path ? 'page' : undefined}>{s.label}</a>
        ))}
      </nav>
      <div class="rep-title">
        <div>
          <h1>{title}</h1>
          <p class="rep-lead">{lead}</p>
        </div>
        {children}
      </div>
      {onPeriod && <PeriodControls period={period} onChange={onPeriod} />}
    </header>
  );
}
