/**
 * `npm run build:app` (and npm test's pretest step): builds the browser app
 * if it is stale, and says what it did.
 */
import { ensureAppBuilt } from './buildApp.js';

ensureAppBuilt((message) => console.log(message)).then(
  (outcome) => console.log(outcome.built ? `browser app built in ${(outcome.ms / 1000).toFixed(1)} s` : 'browser app is up to date'),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
