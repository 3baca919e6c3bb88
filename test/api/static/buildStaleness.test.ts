import { expect } from 'chai';
import { staleReason } from '../../../api/static/index.js';
import { fakeApp, type FakeApp } from './fakeApp.js';

describe('API: detecting a stale app build', () => {
  let app: FakeApp;
  beforeEach(() => {
    // given: sources written at t=1000 s, a route declaration and the moddle descriptor
    app = fakeApp();
    app.write('modeler/index.html', '<!doctype html>');
    app.write('modeler/src/main.tsx', 'render()');
    app.write('api/routes/tasks.ts', 'export {}');
    app.write('moddle.json', '{}');
  });
  afterEach(() => app.remove());

  it('should build when there is no build yet', () => {
    expect(staleReason(app.location)).to.equal('no build yet');
  });

  it('should skip the build when nothing changed since it was made', () => {
    app.write('modeler/dist/index.html', 'built', 2_000);
    app.write('modeler/dist/.build-stamp', 'built', 2_000);
    expect(staleReason(app.location)).to.equal(undefined);
  });

  it('should rebuild when a source of the app changed after the build', () => {
    app.write('modeler/dist/.build-stamp', 'built', 2_000);
    app.touch('modeler/src/main.tsx', 3_000);
    expect(staleReason(app.location)).to.equal('sources changed since the last build');
  });

  it('should rebuild when a route declaration or the moddle descriptor changed (the build reads them)', () => {
    app.write('modeler/dist/.build-stamp', 'built', 2_000);
    app.touch('api/routes/tasks.ts', 3_000);
    expect(staleReason(app.location)).to.not.equal(undefined);
    app.touch('api/routes/tasks.ts', 1_000);
    app.touch('moddle.json', 3_000);
    expect(staleReason(app.location)).to.not.equal(undefined);
  });

  it('should ignore the build output and generated files inside the sources', () => {
    app.write('modeler/dist/.build-stamp', 'built', 2_000);
    app.write('modeler/dist/assets/index-1.js', 'x', 3_000);
    app.write('modeler/src/api/schema.gen.ts', 'x', 3_000);
    expect(staleReason(app.location)).to.equal(undefined);
  });

  it('should rebuild when an interrupted build left output but no stamp', () => {
    app.write('modeler/dist/index.html', 'half', 3_000);
    expect(staleReason(app.location)).to.equal('no build yet');
  });
});
