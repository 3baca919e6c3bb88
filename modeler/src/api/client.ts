/**
 * The app's ONE API client: openapi-fetch typed by the `paths` generated
 * from the server's route declarations (schema.gen.ts, made at build time).
 * Every request carries `X-Requested-With: lifeline` (the team's CSRF
 * convention for cookie sessions); a problem+json answer becomes an
 * ApiError with the server's detail; a 401 on anything but the login tells
 * the session listeners (the shell then shows the login page).
 */
import createClient from 'openapi-fetch';
import type { paths } from './schema.gen';
import { ApiError } from './ApiError';

const unauthorizedListeners = new Set<() => void>();

/** Called when the server says the session is gone (expired, logged out elsewhere). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** The raw typed client (openapi-fetch): `api.GET('/api/me')` returns `{ data, error, response }`. */
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { 'X-Requested-With': 'lifeline' },
});

let reads = new AbortController();

/**
 * Abandons every read still in flight: logout calls it, so a page's request
 * sent just before cannot come back as a 401 of the ended session (which the
 * browser reports as an error). Writes are never abandoned.
 */
export function abandonReads(): void {
  reads.abort();
  reads = new AbortController();
}

api.use({
  onRequest({ request }) {
    if (request.method !== 'GET') return undefined;
    return new Request(request, { signal: AbortSignal.any([request.signal, reads.signal]) });
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/api/auth/')) for (const listener of unauthorizedListeners) listener();
    return undefined;
  },
});

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError with the server's detail. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    throw error instanceof ApiError ? error : new ApiError(0, 'NETWORK', 'The server cannot be reached. Check your connection and try again.');
  }
  if (!result.response.ok) throw ApiError.from(result.response.status, result.error);
  return result.data as T;
}
