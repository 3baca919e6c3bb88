/** The browser app's typed API client (see client.ts). */
export { abandonReads, api, ok, onUnauthorized } from './client';
export { ApiError, type ModelProblem } from './ApiError';
export type { paths, operations } from './schema.gen';
