/**
 * The scenarios saved with this process: replay each against what is in
 * the modeler now (the drawing, or its deployed version), with the verdict
 * (pass, or the first differing step) here and on the diagram.
 */
import { formatMoment, formatTime } from './clockFormat';
import type { ReplayReport, Scenario } from './rehearsalApi';

type PathEvent = NonNullable<NonNullable<ReplayReport['difference']>['missing']>[number];

interface Props {
  processKey: string;
  scenarios: Scenario[] | undefined;
  zone: string;
  busy: boolean;
  /** The verdict of the replay done here, by scenario id. */
  reports: Record<string, ReplayReport>;
  label(elementId: string): string;
  onReplay(scenario: Scenario): void;
  onDelete(scenario: Scenario): void;
  /** Shows the first differing element on the diagram. */
  onShow(elementId: string): void;
}

/** A few lines of what did or did not happen, in the designer's words. */
function Events({ title, events, zone, label }: { title: string; events: PathEvent[] | undefined; zone: string; label(id: string): string }) {
  // an element that completed (or ended) was entered too: say it once
  const shown = (events ?? []).filter((e) => e.type !== 'element.activated' && e.type !== 'variables.changed');
  if (!shown.length) return null;
  const assignee = (e: PathEvent) => (e.type === 'task.assigned' && e.detail ? ` → ${(JSON.parse(e.detail) as { assignee?: string }).assignee ?? ''}` : '');
  return (
    <div class="rh-diff">
      <span>{title}</span>
      <ul>
        {shown.slice(0, 5).map((e, i) => <li key={i}>{formatTime(e.at, zone)} · #{e.instance} {e.type}{e.elementId ? ` · ${label(e.elementId)}` : ''}{assignee(e)}</li>)}
        {shown.length > 5 && <li class="muted">and {shown.length - 5} more</li>}
      </ul>
    </div>
  );
}

export function ScenarioList({ processKey, scenarios, zone, busy, reports, label, onReplay, onDelete, onShow }: Props) {
  return (
    <section class="rh-section" aria-labelledby="rh-scenarios-title">
      <h3 id="rh-scenarios-title">Scenarios of <code>{processKey}</code></h3>
      {!scenarios && <p class="muted">Loading…</p>}
      {scenarios?.length === 0 && <p class="muted">None yet: rehearse, then save what you did as a scenario.</p>}
      <ul class="rh-list" aria-label="Scenarios">
        {scenarios?.map((scenario) => {
          const report = reports[scenario.id] ?? scenario.lastReplay ?? undefined;
          return (
            <li key={scenario.id} class="rh-item rh-scenario" data-scenario={scenario.name}>
              <div>
                <strong>{scenario.name}</strong> <span class="muted small">{scenario.stepCount} steps from {formatMoment(scenario.startAt, zone)}</span>
                {report && (
                  <div class={`rh-verdict ${report.passed ? 'pass' : 'fail'}`} role="status">
                    <span class="rh-verdict-line">{report.passed ? `Passed against ${report.against}` : `Failed against ${report.against} at step ${report.difference?.seq}: ${report.difference?.step}`}</span>
                    {report.difference?.error && <div>It could not be done: {report.difference.error}</div>}
                    <Events title="Expected, did not happen:" events={report.difference?.missing} zone={zone} label={label} />
                    <Events title="Happened instead:" events={report.difference?.unexpected} zone={zone} label={label} />
                    {report.difference?.elements.length ? <button type="button" class="link-button" onClick={() => onShow(report.difference!.elements[0])}>Show where on the diagram</button> : null}
                  </div>
                )}
              </div>
              <div class="rh-buttons">
                <button type="button" class="button" disabled={busy} onClick={() => onReplay(scenario)} aria-label={`Replay ${scenario.name}`}>Replay</button>
                <button type="button" class="button ghost danger" disabled={busy} onClick={() => onDelete(scenario)} aria-label={`Delete ${scenario.name}`}>✕</button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
