import { expect } from 'chai';
import { ModelCache } from '../../../engine/service/EngineContext.js';
import { countStatements } from '../../setup/countStatements.js';
import { createTestEngine, fixture, type TestEngine } from '../support/engineHarness.js';

/** Issue 10: a deployed definition is compiled once per engine process, never again per start or step. */
describe('compiled models', () => {
  let t: TestEngine;
  const put = ModelCache.prototype.put;
  let compiled: string[];
  beforeEach(async () => {
    compiled = [];
    ModelCache.prototype.put = function (this: ModelCache, definition) {
      compiled.push(definition.id);
      return put.call(this, definition);
    };
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'exclusive.bpmn'));
  });
  afterEach(async () => {
    ModelCache.prototype.put = put;
    await t.destroy();
  });

  it('should compile a definition on its first start only: later starts and steps neither read nor compile it again', async () => {
    // given: a first start compiled the model
    const first = await t.start('exclusive', { amount: 1 });
    expect(compiled).to.deep.equal([first.definitionId]);
    // when: more instances start and run to their end
    const statements = await countStatements(t.db.knex, async () => {
      for (let i = 0; i < 5; i++) {
        const instance = await t.start('exclusive', { amount: 1 });
        await t.completeTask(instance.id, 'low', { done: true });
      }
    });
    // then: nothing compiled again, and the definition row (its IR) was not read again
    expect(compiled).to.have.length(1);
    expect(statements.filter((sql) => /from "?process_definitions"?/i.test(sql) && !/select "?id"?\b/i.test(sql))).to.deep.equal([]);
  });

  it('should compile a definition once for a second engine process too: each process caches its own', async () => {
    const instance = await t.start('exclusive', { amount: 1 });
    const twin = t.twin();
    await twin.completeTask((await t.task(instance.id, 'low')).id, { done: true }, 'ann');
    await twin.startInstance({ definitionKey: 'exclusive', variables: { amount: 1 } });
    expect(compiled).to.deep.equal([instance.definitionId, instance.definitionId]);
  });
});
