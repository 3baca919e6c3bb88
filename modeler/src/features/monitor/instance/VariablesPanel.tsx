/** The instance's variables, each editable, and "Add variable". */
import { formatValue } from '../format';

export function VariablesPanel({ variables, canEdit, onEdit, onAdd }: {
  variables: Record<string, unknown>; canEdit: boolean; onEdit(name: string, value: unknown): void; onAdd(): void;
}) {
  const names = Object.keys(variables).sort((a, b) => a.localeCompare(b));
  return (
    <section class="mon-card" aria-labelledby="mon-variables-title">
      <header class="mon-card-header">
        <h2 id="mon-variables-title">Variables</h2>
        {canEdit && <button type="button" class="button" onClick={onAdd}>Add variable</button>}
      </header>
      {!names.length && <p class="mon-empty">No variables.</p>}
      {names.length > 0 && (
        <table class="mon-table mon-variables">
          <thead><tr><th scope="col">Name</th><th scope="col">Value</th>{canEdit && <th scope="col"><span class="visually-hidden">Edit</span></th>}</tr></thead>
          <tbody>
            {names.map((name) => (
              <tr key={name}>
                <th scope="row"><code>{name}</code></th>
                <td><code class="mon-value" title={JSON.stringify(variables[name], null, 2)}>{formatValue(variables[name])}</code></td>
                {canEdit && <td class="mon-cell-action"><button type="button" class="button ghost" onClick={() => onEdit(name, variables[name])} aria-label={`Edit ${name}`}>Edit</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
