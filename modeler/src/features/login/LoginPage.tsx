/**
 * Log in with username and password; a wrong one says so plainly. While
 * the server runs with demo data, the demo users are listed (click one to
 * fill the form).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../../api';
import { logIn, useSession } from '../../app/session';
import { navigate, useLocation } from '../../app/router';
import './login.css';

interface DemoUsers {
  password: string;
  users: { id: string; displayName: string; roles: string[] }[];
}

/** Only same-app paths are followed after login (no open redirect). */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export default function LoginPage() {
  const user = useSession();
  const { search } = useLocation();
  const next = safeNext(search.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState<DemoUsers>();
  const usernameInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (user) navigate(next, { replace: true, force: true });
  }, [user]);
  useEffect(() => {
    usernameInput.current?.focus();
    api.GET('/api/auth/demo-users').then(({ data }) => setDemo(data), () => {});
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await logIn(username.trim(), password);
    } catch (failure) {
      const status = failure instanceof ApiError ? failure.status : 0;
      setError(status === 401 ? 'Wrong username or password. Check both and try again.' : failure instanceof ApiError && status === 400 ? 'Enter your username and your password.' : (failure as Error).message);
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <div class="login-card">
        <div class="login-brand">
          <img src="/favicon.svg" alt="" width="36" height="36" />
          <span>Lifeline</span>
        </div>
        <h1>Log in</h1>
        <p class="login-lead">Customer lifecycles, from the first invitation to the last renewal.</p>
        <form onSubmit={submit} noValidate>
          {error && <div class="alert error" role="alert">{error}</div>}
          <div class="field">
            <label for="login-username">Username</label>
            <input id="login-username" ref={usernameInput} class="input" name="username" autocomplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} required />
          </div>
          <div class="field">
            <label for="login-password">Password</label>
            <input id="login-password" class="input" type="password" name="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required />
          </div>
          <button class="button primary login-submit" type="submit" disabled={busy}>{busy ? 'Logging in…' : 'Log in'}</button>
        </form>
      </div>
      {demo && (
        <section class="demo-users" aria-labelledby="demo-title">
          <h2 id="demo-title">Demo users</h2>
          <p>This server runs with demo data. Every demo user's password is <code>{demo.password}</code>.</p>
          <ul>
            {demo.users.map((u) => (
              <li key={u.id}>
                <button type="button" class="demo-user" onClick={() => { setUsername(u.id); setPassword(demo.password); setError(undefined); }} aria-label={`Fill in ${u.id}`}>
                  <span class="demo-name">{u.displayName}</span>
                  <span class="demo-meta"><code>{u.id}</code> · {u.roles.join(', ')}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
