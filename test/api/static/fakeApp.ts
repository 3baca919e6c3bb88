/** A built app in a temporary folder, for the serving and staleness tests. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AppLocation } from '../../../api/static/index.js';

export interface FakeApp {
  location: AppLocation;
  /** Writes a file (relative to the fake repository) with the given modification time (seconds since the epoch). */
  write(path: string, content: string, mtime?: number): void;
  /** Sets a file's modification time. */
  touch(path: string, mtime: number): void;
  remove(): void;
}

export function fakeApp(): FakeApp {
  const root = mkdtempSync(join(tmpdir(), 'lifeline-app-'));
  const at = (path: string) => join(root, path);
  const app: FakeApp = {
    location: { sourceDir: at('modeler'), distDir: at('modeler/dist'), extraSources: [at('api/routes'), at('moddle.json')], ignored: ['dist', join('src', 'api', 'schema.gen.ts')] },
    write(path, content, mtime = 1_000) {
      mkdirSync(dirname(at(path)), { recursive: true });
      writeFileSync(at(path), content);
      app.touch(path, mtime);
    },
    touch(path, mtime) {
      utimesSync(at(path), mtime, mtime);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  return app;
}
