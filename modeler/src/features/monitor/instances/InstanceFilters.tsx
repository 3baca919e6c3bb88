/**
 * The list's filters: process and version, state, the overview's alarms
 * (incidents, stuck, overdue tasks, SLA at risk or breached), business-key search and the
 * days an instance started between. Each change replaces the URL.
 */
import { useEffect, useState } from 'preact/hooks';
import { describeThreshold, fromDuration, toDuration, type Threshold } from '../stuckThreshold';
import type { InstanceState, ListFilter, SlaAlarm } from './listFilter';

export interface DefinitionOption {
  id: string;
  key: string;
  version: number;
  name: string | null;
}

export function InstanceFilters({ filter, definitions, threshold, onChange }: { filter: ListFilter; definitions: DefinitionOption[]; threshold: Threshold; onChange(filter: ListFilter): void }) {
  const [search, setSearch] = useState(filter.businessKey ?? '');
  useEffect(() => setSearch(filter.businessKey ?? ''), [filter.businessKey]);
  useEffect(() => {
    if ((filter.businessKey ?? '') === search.trim()) return;
    const timer = setTimeout(() => onChange({ ...filter, businessKey: search.trim() || undefined, offset: undefined }), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const change = (patch: Partial<ListFilter>) => onChange({ ...filter, ...patch, offset: undefined });
  const key = filter.definitionKey ?? definitions.find((d) => d.id === filter.definitionId)?.key;
  const keys = [...new Map(definitions.map((d) => [d.key, d.name ?? d.key])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const versions = definitions.filter((d) => d.key === key).sort((a, b) => b.version - a.version);
  const stuckThreshold = fromDuration(filter.stuckFor) ?? threshold;

  return (
    <form class="mon-filters" role="search" aria-label="Filter instances" onSubmit={(e) => e.preventDefault()}>
      <div class="mon-filter-row">
        <label class="mon-field">
          <span>Process</span>
          <select class="select" value={key ?? ''} onChange={(e) => change({ definitionKey: e.currentTarget.value || undefined, definitionId: undefined })}>
            <option value="">All processes</option>
            {keys.map(([k, name]) => <option key={k} value={k}>{name}</option>)}
          </select>
        </label>
        <label class="mon-field">
          <span>Version</span>
          <select class="select" value={filter.definitionId ?? ''} disabled={!key} onChange={(e) => change({ definitionId: e.currentTarget.value || undefined, definitionKey: e.currentTarget.value ? undefined : key })}>
            <option value="">All versions</option>
            {versions.map((d) => <option key={d.id} value={d.id}>Version {d.version}</option>)}
          </select>
        </label>
        <label class="mon-field">
          <span>State</span>
          <select class="select" value={filter.state ?? ''} onChange={(e) => change({ state: (e.currentTarget.value || undefined) as InstanceState | undefined })}>
            <option value="">Any state</option>
            <option value="active">Running</option>
            <option value="completed">Completed</option>
            <option value="cancelled">Cancelled</option>
            <option value="terminated">Terminated</option>
          </select>
        </label>
        <label class="mon-field">
          <span>SLA</span>
          <select class="select" value={filter.sla ?? ''} onChange={(e) => change({ sla: (e.currentTarget.value || undefined) as SlaAlarm | undefined })}>
            <option value="">Any SLA</option>
            <option value="at_risk">At risk</option>
            <option value="breached">SLA breached</option>
          </select>
        </label>
        <label class="mon-field mon-field-grow">
          <span>Business key</span>
          <input class="input" type="search" placeholder="Part of the key, e.g. ACME" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
      </div>
      <div class="mon-filter-row">
        <label class="mon-check">
          <input type="checkbox" checked={Boolean(filter.incidents)} onChange={(e) => change({ incidents: e.currentTarget.checked || undefined })} />
          With incidents
        </label>
        <label class="mon-check">
          <input type="checkbox" checked={Boolean(filter.stuckFor)} onChange={(e) => change({ stuckFor: e.currentTarget.checked ? toDuration(threshold) : undefined })} />
          Stuck (no step for more than {describeThreshold(stuckThreshold)})
        </label>
        <label class="mon-check">
          <input type="checkbox" checked={Boolean(filter.overdue)} onChange={(e) => change({ overdue: e.currentTarget.checked || undefined })} />
          With overdue tasks
        </label>
        <span class="mon-dates">
          <label class="mon-field mon-inline">
            <span>Started from</span>
            <input class="input" type="date" value={filter.from ?? ''} onChange={(e) => change({ from: e.currentTarget.value || undefined })} />
          </label>
          <label class="mon-field mon-inline">
            <span>to</span>
            <input class="input" type="date" value={filter.to ?? ''} onChange={(e) => change({ to: e.currentTarget.value || undefined })} />
          </label>
        </span>
        <button type="button" class="button ghost" onClick={() => { setSearch(''); onChange({}); }}>Clear filters</button>
      </div>
    </form>
  );
}
