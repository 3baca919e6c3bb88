/** The filters above the list: due date, SLA, process, search by customer (business key) or task name, order. */
import { useEffect, useState } from 'preact/hooks';
import type { DueFilter, ListState, SlaFilter, Sort } from './listQuery';
import type { Lookups } from './lookups';

const DUE: { value: DueFilter; label: string }[] = [
  { value: '', label: 'Any time' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'today', label: 'Due today' },
];

const SLA: { value: SlaFilter; label: string }[] = [
  { value: '', label: 'Any SLA' },
  { value: 'at_risk', label: 'At risk' },
  { value: 'breached', label: 'SLA breached' },
];

export function TaskFilters({ state, lookups, onChange }: { state: ListState; lookups: Lookups; onChange(change: Partial<ListState>): void }) {
  const [text, setText] = useState(state.q);
  useEffect(() => setText(state.q), [state.q]);
  // Search as one types, without a request per keystroke.
  useEffect(() => {
    if (text === state.q) return;
    const timer = window.setTimeout(() => onChange({ q: text, page: 1 }), 300);
    return () => window.clearTimeout(timer);
  }, [text]);
  return (
    <div class="task-filters">
      <div class="search-field">
        <label class="visually-hidden" for="task-search">Search by customer or task</label>
        <input id="task-search" class="input" type="search" placeholder="Search customer (business key) or task" value={text} onInput={(e) => setText(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && onChange({ q: text, page: 1 })} />
      </div>
      <div class="filter-row">
        <div class="segmented" role="group" aria-label="Due">
          {DUE.map((option) => (
            <button key={option.value} type="button" aria-pressed={state.due === option.value} onClick={() => onChange({ due: option.value, page: 1 })}>{option.label}</button>
          ))}
        </div>
        <label class="visually-hidden" for="task-sla">SLA</label>
        <select id="task-sla" class="select" value={state.sla} onChange={(e) => onChange({ sla: e.currentTarget.value as SlaFilter, page: 1 })}>
          {SLA.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
        </select>
        <label class="visually-hidden" for="task-process">Process</label>
        <select id="task-process" class="select" value={state.process} onChange={(e) => onChange({ process: e.currentTarget.value, page: 1 })}>
          <option value="">All processes</option>
          {lookups.processes.map((d) => <option key={d.key} value={d.key}>{d.name ?? d.key}</option>)}
        </select>
        <label class="visually-hidden" for="task-sort">Order</label>
        <select id="task-sort" class="select" value={state.sort} onChange={(e) => onChange({ sort: e.currentTarget.value as Sort, page: 1 })}>
          <option value="due">Due date first</option>
          <option value="urgency">Most urgent first (SLA)</option>
          <option value="priority">Priority first</option>
          <option value="created">Newest first</option>
        </select>
      </div>
    </div>
  );
}
