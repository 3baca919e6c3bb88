/**
 * Is the app's build missing or older than its sources? The build writes a
 * stamp file last; any source file modified after it (or a missing stamp)
 * means the build is stale. Output folders inside the sources are skipped.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUILD_STAMP, type AppLocation } from './appLocation.js';

/** The newest modification time (ms) among the files under `path` (a file or a folder), skipping `ignored`. */
export function newestModification(path: string, ignored: (path: string) => boolean = () => false): number {
  if (!existsSync(path) || ignored(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, name), ignored));
  return newest;
}

/** Why the build must be (re)made, or undefined when it is up to date. */
export function staleReason(location: AppLocation): string | undefined {
  const stamp = join(location.distDir, BUILD_STAMP);
  if (!existsSync(stamp)) return 'no build yet';
  const built = statSync(stamp).mtimeMs;
  const isIgnored = (path: string) => location.ignored.includes(relative(location.sourceDir, path));
  const sources = Math.max(newestModification(location.sourceDir, isIgnored), ...location.extraSources.map((p) => newestModification(p)));
  return sources > built ? 'sources changed since the last build' : undefined;
}
