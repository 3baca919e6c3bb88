/**
 * Moving a token: pick where to take it from (an element holding a token)
 * and where to start it, by clicking the diagram or with the two lists.
 */
import type { Elements } from '../monitorApi';

const PICKABLE = new Set(['task', 'userTask', 'serviceTask', 'scriptTask', 'sendTask', 'receiveTask', 'manualTask', 'businessRuleTask', 'subProcess', 'callActivity',
  'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'complexGateway', 'intermediateCatchEvent', 'intermediateThrowEvent', 'endEvent']);

/** Elements a token may be started at: activities, gateways, intermediate and end events. */
export function targetsOf(elements: Elements): string[] {
  return Object.entries(elements).filter(([, e]) => PICKABLE.has(e.kind)).map(([id]) => id);
}

export function MoveTokenBar({ active, elements, from, to, nameOf, onFrom, onTo, onMove, onCancel }: {
  active: string[]; elements: Elements; from?: string; to?: string; nameOf(id: string): string;
  onFrom(id: string | undefined): void; onTo(id: string | undefined): void; onMove(): void; onCancel(): void;
}) {
  const byName = (ids: string[]) => [...ids].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const step = !from ? 'Click the element to take the token from (outlined in blue).' : !to ? 'Now click where the token should go.' : 'Ready: check and move.';
  return (
    <section class="mon-move" aria-labelledby="mon-move-title">
      <h2 id="mon-move-title">Move a token</h2>
      <p class="mon-hint" aria-live="polite">{step}</p>
      <div class="mon-move-fields">
        <label class="mon-field">
          <span>From</span>
          <select class="select" value={from ?? ''} onChange={(e) => onFrom(e.currentTarget.value || undefined)}>
            <option value="">Choose…</option>
            {byName(active).map((id) => <option key={id} value={id}>{nameOf(id)}</option>)}
          </select>
        </label>
        <span aria-hidden="true" class="mon-arrow">→</span>
        <label class="mon-field">
          <span>To</span>
          <select class="select" value={to ?? ''} onChange={(e) => onTo(e.currentTarget.value || undefined)}>
            <option value="">Choose…</option>
            {byName(targetsOf(elements)).map((id) => <option key={id} value={id}>{nameOf(id)}</option>)}
          </select>
        </label>
        <div class="mon-actions">
          <button type="button" class="button primary" disabled={!from || !to} onClick={onMove}>Move token…</button>
          <button type="button" class="button" onClick={onCancel}>Stop moving</button>
        </div>
      </div>
    </section>
  );
}
