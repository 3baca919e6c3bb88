/**
 * Where the browser app lives on disk: its sources (`modeler/`), its build
 * output (`modeler/dist`, never committed) and everything else the build
 * reads, so staleness is judged against all of it.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The locations of one app build. Tests point these at temporary folders. */
export interface AppLocation {
  /** The Vite project (index.html, vite.config.ts, src/). */
  sourceDir: string;
  /** Vite's output folder: index.html and hashed assets/. */
  distDir: string;
  /** Files and folders outside sourceDir that the build reads (route declarations for the API types, the lifeline: descriptor, the lock file). */
  extraSources: string[];
  /** Paths under sourceDir that are output, not source. */
  ignored: string[];
}

/** The app of this repository. */
export const defaultAppLocation: AppLocation = {
  sourceDir: join(REPO_ROOT, 'modeler'),
  distDir: join(REPO_ROOT, 'modeler', 'dist'),
  extraSources: [
    join(REPO_ROOT, 'api', 'routes'),
    join(REPO_ROOT, 'api', 'http', 'route.ts'),
    join(REPO_ROOT, 'api', 'openapi.ts'),
    join(REPO_ROOT, 'api', 'static', 'apiTypes.ts'),
    join(REPO_ROOT, 'engine', 'parser', 'lifeline-moddle.json'),
    join(REPO_ROOT, 'package-lock.json'),
  ],
  ignored: ['dist', 'node_modules', 'README.md', join('src', 'api', 'schema.gen.ts')],
};

/** The file whose modification time marks a finished build. */
export const BUILD_STAMP = '.build-stamp';
