/** Open incidents, each with its message and the two repairs: retry (optionally after setting a variable) and resolve. */
import { formatDateTime, formatRelative } from '../format';
import type { InstanceView } from '../monitorApi';

type Incident = InstanceView['incidents'][number];

export function IncidentsPanel({ incidents, nameOf, canRepair, onRetry, onResolve }: {
  incidents: Incident[]; nameOf(id: string | null): string; canRepair: boolean; onRetry(incident: Incident): void; onResolve(incident: Incident): void;
}) {
  if (!incidents.length) return null;
  return (
    <section class="mon-incidents" aria-labelledby="mon-incidents-title">
      <h2 id="mon-incidents-title">{incidents.length === 1 ? '1 incident' : `${incidents.length} incidents`}</h2>
      <ul>
        {incidents.map((incident) => (
          <li key={incident.id}>
            <div class="mon-incident-text">
              <strong>{nameOf(incident.elementId)}</strong>
              <span class="mon-incident-message">{incident.message}</span>
              <span class="mon-muted" title={formatDateTime(incident.createdAt)}>since {formatRelative(incident.createdAt)}</span>
            </div>
            {canRepair && (
              <div class="mon-actions">
                <button type="button" class="button primary" onClick={() => onRetry(incident)} aria-label={`Retry ${nameOf(incident.elementId)}`}>Retry…</button>
                <button type="button" class="button" onClick={() => onResolve(incident)} aria-label={`Resolve the incident at ${nameOf(incident.elementId)}`}>Resolve…</button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
