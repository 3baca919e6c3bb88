/**
 * Every problem of the diagram in one list: the engine's (what a deploy
 * would reject) and bpmnlint's (drawing conventions). Problems without an
 * element come first; clicking one with an element selects it.
 */
import type { ModelProblem } from '../../api';

export interface LintIssue {
  elementId: string;
  message: string;
  category: 'error' | 'warn' | 'info' | string;
}

interface Props {
  engine: ModelProblem[];
  /** What the engine tolerates but ignores (e.g. a condition on a parallel gateway's flow). */
  engineWarnings: ModelProblem[];
  lint: LintIssue[];
  /** Engine problems whose element is not drawn (whole file, process, message). */
  unplaced: ModelProblem[];
  checking: boolean;
  label(id: string): string;
  onSelect(id: string): void;
}

export function ProblemsPanel({ engine, engineWarnings, lint, unplaced, checking, label, onSelect }: Props) {
  const placed = engine.filter((p) => !unplaced.includes(p));
  const errors = engine.length + lint.filter((i) => i.category === 'error').length;
  const warnings = engineWarnings.length + lint.length - lint.filter((i) => i.category === 'error').length;
  return (
    <section class="problems" aria-labelledby="problems-title">
      <header>
        <h2 id="problems-title">Problems</h2>
        <span class={`count ${errors ? 'error' : 'ok'}`}>{errors} {errors === 1 ? 'error' : 'errors'}</span>
        <span class="count warn">{warnings} {warnings === 1 ? 'warning' : 'warnings'}</span>
        {checking && <span class="checking">Checking with the engine…</span>}
      </header>
      {errors + warnings === 0 ? (
        <p class="empty">No problems: the engine can run this model as drawn.</p>
      ) : (
        <ul class="problem-list">
          {unplaced.map((problem, i) => (
            <li key={`u${i}`} class="problem error general">
              <span class="kind">Engine</span>
              <span class="message">{problem.message}</span>
              {problem.elementId && <span class="where">{problem.elementId}</span>}
            </li>
          ))}
          {placed.map((problem, i) => (
            <li key={`e${i}`} class="problem error">
              <button type="button" onClick={() => onSelect(problem.elementId!)}>
                <span class="kind">Engine</span>
                <span class="message">{problem.message}</span>
                <span class="where">{label(problem.elementId!)}</span>
              </button>
            </li>
          ))}
          {engineWarnings.map((warning, i) => (
            <li key={`w${i}`} class="problem warn">
              <button type="button" onClick={() => warning.elementId && onSelect(warning.elementId)}>
                <span class="kind">Engine</span>
                <span class="message">{warning.message}</span>
                <span class="where">{warning.elementId ? label(warning.elementId) : ''}</span>
              </button>
            </li>
          ))}
          {lint.map((issue, i) => (
            <li key={`l${i}`} class={`problem ${issue.category === 'error' ? 'error' : 'warn'}`}>
              <button type="button" onClick={() => onSelect(issue.elementId)}>
                <span class="kind">Lint</span>
                <span class="message">{issue.message}</span>
                <span class="where">{label(issue.elementId)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
