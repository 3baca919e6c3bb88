/** The browser app as the API server serves and builds it. */
export { serveApp, IMMUTABLE, REVALIDATE } from './serveApp.js';
export { ensureAppBuilt, type BuildOutcome } from './buildApp.js';
export { staleReason, newestModification } from './buildStaleness.js';
export { defaultAppLocation, type AppLocation } from './appLocation.js';
export { isClientRoute, CLIENT_ROUTE_PREFIXES } from './clientRoutes.js';
export { APP_CONTENT_SECURITY_POLICY } from './contentSecurityPolicy.js';
