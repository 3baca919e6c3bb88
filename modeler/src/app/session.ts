/**
 * Who is logged in: loaded once from GET /api/auth/session, replaced on login and
 * cleared on logout or when the server answers 401 (expired session).
 */
import { useEffect, useState } from 'preact/hooks';
import { abandonReads, api, ok, onUnauthorized } from '../api';

export interface SessionUser {
  id: string;
  displayName: string;
  roles: string[];
  groups: string[];
}

/** undefined: not known yet; null: nobody is logged in. */
let current: SessionUser | null | undefined;
const listeners = new Set<() => void>();
const set = (user: SessionUser | null) => {
  current = user;
  listeners.forEach((listener) => listener());
};

onUnauthorized(() => {
  if (current) set(null);
});

/** Asks the server who the session belongs to (null when nobody). */
export async function loadSession(): Promise<void> {
  try {
    const { user } = await ok(api.GET('/api/auth/session'));
    set(user);
  } catch {
    set(null);
  }
}

/** Logs in; throws an ApiError with the server's message on wrong credentials. */
export async function logIn(username: string, password: string): Promise<SessionUser> {
  const user = await ok(api.POST('/api/auth/login', { body: { username, password } }));
  set(user);
  return user;
}

/** Logs out: pages close and their reads in flight are abandoned first (so none meets an ended session), then the session ends on the server. */
export async function logOut(): Promise<void> {
  abandonReads();
  set(null);
  await ok(api.POST('/api/auth/logout'));
}

/** The session, re-rendering when it changes. */
export function useSession(): SessionUser | null | undefined {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return current;
}
