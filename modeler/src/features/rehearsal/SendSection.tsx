/** Messages and signals into the rehearsal, as a partner system or another process would send them. */
import { useState } from 'preact/hooks';
import { readVariables } from './jsonInput';

interface Props {
  busy: boolean;
  onSend(kind: 'message' | 'signal', name: string, correlationKey: string | undefined, variables: Record<string, unknown>): void;
  onError(message: string): void;
}

export function SendSection({ busy, onSend, onError }: Props) {
  const [kind, setKind] = useState<'message' | 'signal'>('message');
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [variables, setVariables] = useState('{}');
  const send = (event: Event) => {
    event.preventDefault();
    try {
      onSend(kind, name.trim(), kind === 'message' ? key.trim() || undefined : undefined, readVariables(variables));
    } catch (error) {
      onError((error as Error).message);
    }
  };
  return (
    <section class="rh-section" aria-labelledby="rh-send-title">
      <h3 id="rh-send-title">Send a message or signal</h3>
      <form onSubmit={send}>
        <div class="rh-inline">
          <label for="rh-send-kind" class="visually-hidden">Kind</label>
          <select id="rh-send-kind" class="select" value={kind} onChange={(e) => setKind(e.currentTarget.value as 'message' | 'signal')}>
            <option value="message">Message</option>
            <option value="signal">Signal</option>
          </select>
          <label for="rh-send-name" class="visually-hidden">Name</label>
          <input id="rh-send-name" class="input" placeholder="name" value={name} onInput={(e) => setName(e.currentTarget.value)} required />
        </div>
        {kind === 'message' && (
          <div class="field">
            <label for="rh-send-key">Correlation key</label>
            <input id="rh-send-key" class="input" value={key} onInput={(e) => setKey(e.currentTarget.value)} />
          </div>
        )}
        <div class="field">
          <label for="rh-send-variables">Variables (JSON)</label>
          <textarea id="rh-send-variables" class="input code" rows={2} value={variables} onInput={(e) => setVariables(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button" disabled={busy}>Send {kind}</button>
      </form>
    </section>
  );
}
