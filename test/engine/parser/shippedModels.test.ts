import { readdir, readFile } from 'node:fs/promises';
import { expect } from 'chai';
import { parseBpmn } from '../../../engine/parser/index.js';

/** Folders whose models the engine runs: the shipped processes and the runtime test fixtures. */
const FOLDERS = ['../../../processes/', '../runtime/fixtures/'].map((path) => new URL(path, import.meta.url));

describe('parser: shipped models', () => {
  it('should parse every shipped process and runtime fixture without a problem', async () => {
    // given
    for (const folder of FOLDERS) {
      const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.bpmn'));
      for (const name of names) {
        // when
        const { processes, problems } = await parseBpmn(await readFile(new URL(name, folder), 'utf8'));
        // then
        expect(problems, name).to.deep.equal([]);
        expect(processes.length, name).to.be.greaterThan(0);
      }
    }
  });
});
