/**
 * API tokens: for workers and scripts. A token acts with its owner's roles
 * (scope user) or as a worker only (scope worker); its secret is shown once,
 * when it is created. Revoking stops it at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { ConfirmDialog, Dialog } from '../../app/Dialog';
import { createToken, listTokens, listUsers, revokeToken, type CreatedToken, type Token, type User } from './adminApi';
import { formErrors } from './formErrors';

const dateOf = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

export function TokensSection({ me }: { me: string }) {
  const [tokens, setTokens] = useState<Token[]>();
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken>();
  const [revoking, setRevoking] = useState<Token>();
  const [showRevoked, setShowRevoked] = useState(false);

  const load = async () => {
    try {
      const [t, u] = await Promise.all([listTokens(), listUsers()]);
      setTokens(t);
      setUsers(u);
      setError(undefined);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  useEffect(() => void load(), []);
  const nameOf = (id: string) => users.find((u) => u.id === id)?.displayName ?? id;
  const revoke = async (token: Token) => {
    setRevoking(undefined);
    try {
      await revokeToken(token.id);
      await load();
      setNotice(`Revoked “${token.name}”: it no longer works.`);
    } catch (failure) {
      setError((failure as Error).message);
      await load();
    }
  };

  const live = (tokens ?? []).filter((t) => !t.revokedAt);
  const shown = showRevoked ? (tokens ?? []) : live;
  return (
    <section aria-labelledby="admin-title">
      <header class="admin-head">
        <div>
          <h1 id="admin-title">API tokens</h1>
          <p class="admin-lead">Workers and scripts call the API with a token: <code>Authorization: Bearer &lt;token&gt;</code>.</p>
        </div>
        <button type="button" class="button primary" onClick={() => setCreating(true)}>New token</button>
      </header>
      {notice && <div class="alert success" role="status">{notice}</div>}
      {error && <div class="alert error" role="alert">{error}</div>}
      <div class="admin-toolbar">
        <label class="choice inline"><input type="checkbox" checked={showRevoked} onChange={() => setShowRevoked(!showRevoked)} /> Show revoked tokens</label>
      </div>
      {tokens && (
        <table class="admin-table">
          <thead><tr><th scope="col">Name</th><th scope="col">Owner</th><th scope="col">Acts as</th><th scope="col">Created</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {shown.map((token) => (
              <tr key={token.id} class={token.revokedAt ? 'disabled' : undefined}>
                <td data-label="Name"><strong>{token.name}</strong></td>
                <td data-label="Owner">{nameOf(token.userId)}<span class="sub">{token.userId}</span></td>
                <td data-label="Acts as">{token.scope === 'worker' ? 'Worker only' : 'Its owner (all their roles)'}</td>
                <td data-label="Created">{dateOf(token.createdAt)}</td>
                <td data-label="Status">
                  {token.revokedAt ? <span class="status off">Revoked {dateOf(token.revokedAt)}</span> : token.expiresAt && Date.parse(token.expiresAt) < Date.now() ? <span class="status off">Expired</span> : <span class="status on">Active{token.expiresAt ? ` until ${dateOf(token.expiresAt)}` : ''}</span>}
                </td>
                <td class="actions-cell"><div class="row-actions">{!token.revokedAt && <button type="button" class="button small danger" onClick={() => setRevoking(token)} aria-label={`Revoke ${token.name}`}>Revoke</button>}</div></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {tokens && shown.length === 0 && <p class="admin-empty">No {showRevoked ? '' : 'active '}tokens.</p>}
      {creating && <NewTokenDialog users={users} me={me} onClose={() => setCreating(false)} onCreated={async (token) => { setCreating(false); setCreated(token); await load(); }} />}
      {created && <SecretDialog token={created} onClose={() => setCreated(undefined)} />}
      {revoking && (
        <ConfirmDialog title={`Revoke “${revoking.name}”?`} confirm="Revoke token" danger onClose={() => setRevoking(undefined)} onConfirm={() => revoke(revoking)}>
          <p>Whatever uses this token ({nameOf(revoking.userId)}'s) is refused from now on. This cannot be undone; create a new token instead.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function NewTokenDialog({ users, me, onClose, onCreated }: { users: User[]; me: string; onClose(): void; onCreated(token: CreatedToken): void }) {
  const [name, setName] = useState('');
  const [owner, setOwner] = useState(users.some((u) => u.id === 'worker') ? 'worker' : me);
  const [scope, setScope] = useState<'user' | 'worker'>('worker');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) return setError('Name the token after what uses it, e.g. “mail worker”.');
    setBusy(true);
    try {
      onCreated(await createToken({ name: name.trim(), userId: owner, scope }));
    } catch (failure) {
      const { fields, general } = formErrors(failure, ['name', 'userId', 'scope']);
      setError(Object.values(fields)[0] ?? general);
      setBusy(false);
    }
  };
  return (
    <Dialog title="New API token" onClose={onClose}
      footer={<><button type="button" class="button" onClick={onClose}>Cancel</button><button type="submit" form="token-form" class="button primary" disabled={busy}>Create token</button></>}>
      <form id="token-form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="token-name">Name</label>
          <input id="token-name" class="input" value={name} autoFocus placeholder="e.g. mail worker" onInput={(e) => { setName(e.currentTarget.value); setError(undefined); }} />
        </div>
        <div class="field">
          <label for="token-owner">Owner</label>
          <select id="token-owner" class="select" value={owner} onChange={(e) => setOwner(e.currentTarget.value)}>
            {users.filter((u) => !u.disabledAt).map((u) => <option key={u.id} value={u.id}>{u.displayName} ({u.id}) — {u.roles.join(', ')}</option>)}
          </select>
        </div>
        <fieldset class="choice-group">
          <legend>Acts as</legend>
          <label class="choice"><input type="radio" name="scope" checked={scope === 'worker'} onChange={() => setScope('worker')} /><span>Worker only</span><span class="choice-note">takes and completes jobs, publishes messages; nothing else, whoever owns it</span></label>
          <label class="choice"><input type="radio" name="scope" checked={scope === 'user'} onChange={() => setScope('user')} /><span>Its owner</span><span class="choice-note">everything the owner's roles allow</span></label>
        </fieldset>
        {error && <div class="alert error" role="alert">{error}</div>}
      </form>
    </Dialog>
  );
}

/** The secret, once: copy it now, it is never shown again. */
function SecretDialog({ token, onClose }: { token: CreatedToken; onClose(): void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.secret);
      setCopied(true);
    } catch {
      (document.getElementById('token-secret') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <Dialog title={`Token “${token.name}” created`} onClose={onClose} footer={<button type="button" class="button primary" onClick={onClose}>Done</button>}>
      <div class="alert warning">Copy the token now. It is shown only this once; Lifeline keeps only a hash of it.</div>
      <div class="field secret-field">
        <label for="token-secret">Token</label>
        <div class="password-field">
          <input id="token-secret" class="input mono" readOnly value={token.secret} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" class="button small" onClick={copy}>{copied ? 'Copied' : 'Copy'}</button>
        </div>
      </div>
    </Dialog>
  );
}
