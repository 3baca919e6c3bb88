/** Name and value inputs of a variable, with what the value will be stored as. */
import { useState } from 'preact/hooks';
import { kindOf, nameProblem, parseValue } from './variableInput';

let fieldCount = 0;

export function VariableFields({ name, value, fixedName, onName, onValue }: { name: string; value: string; fixedName?: boolean; onName(name: string): void; onValue(value: string): void }) {
  const [id] = useState(() => `mon-var-${++fieldCount}`);
  const parsed = value.trim() ? parseValue(value) : undefined;
  const badName = name ? nameProblem(name) : undefined;
  return (
    <div class="mon-variable-fields">
      <div class="field">
        <label for={`${id}-name`}>Variable name</label>
        <input id={`${id}-name`} class="input" value={name} readOnly={fixedName} autocomplete="off" spellcheck={false} onInput={(e) => onName(e.currentTarget.value.trim())} aria-invalid={Boolean(badName)} aria-describedby={badName ? `${id}-name-error` : undefined} />
        {badName && <span id={`${id}-name-error`} class="mon-field-error">{badName}</span>}
      </div>
      <div class="field">
        <label for={`${id}-value`}>Value</label>
        <textarea id={`${id}-value`} class="input mon-textarea" value={value} rows={3} spellcheck={false} onInput={(e) => onValue(e.currentTarget.value)} aria-describedby={`${id}-value-hint`} />
        <span id={`${id}-value-hint`} class={parsed && !parsed.ok ? 'mon-field-error' : 'mon-hint'}>
          {parsed ? (parsed.ok ? `Stored as ${kindOf(parsed.value)}.` : parsed.message) : 'JSON (42, true, "text", {"a": 1}) or plain text.'}
        </span>
      </div>
    </div>
  );
}

/** The variable the fields describe, or undefined while they are incomplete or wrong. */
export function variableOf(name: string, value: string): Record<string, unknown> | undefined {
  if (nameProblem(name)) return undefined;
  const parsed = parseValue(value);
  return parsed.ok ? { [name]: parsed.value } : undefined;
}
