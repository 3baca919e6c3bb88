/** A password input with "Show" and "Generate" (a random 16-character password, shown so it can be passed on). */
import { useState } from 'preact/hooks';

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generatePassword(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(bytes, (n) => ALPHABET[n % ALPHABET.length]).join('');
}

export function PasswordField({ id, label, value, onInput, invalid, describedBy }: { id: string; label: string; value: string; onInput(value: string): void; invalid?: boolean; describedBy?: string }) {
  const [shown, setShown] = useState(false);
  return (
    <>
      <label for={id}>{label}</label>
      <div class="password-field">
        <input id={id} class="input" type={shown ? 'text' : 'password'} value={value} autoComplete="new-password" aria-invalid={invalid} aria-describedby={describedBy} onInput={(e) => onInput(e.currentTarget.value)} />
        <button type="button" class="button small" onClick={() => setShown(!shown)} aria-pressed={shown}>{shown ? 'Hide' : 'Show'}</button>
        <button type="button" class="button small" onClick={() => { onInput(generatePassword()); setShown(true); }}>Generate</button>
      </div>
    </>
  );
}
