import { expect } from 'chai';
import fc from 'fast-check';
import { evaluate } from 'feelin';
import { compiledFeel, feelCompilations } from '../../../engine/expressions/compiledFeel.js';
import { evaluateRaw, evaluateStrict, feelContext, toJson } from '../../../engine/expressions/feel.js';

const feel = (source: string) => ({ source, isFeel: true });

describe('FEEL parsed once (issue 10)', () => {
  it('should compile an expression once however often it is evaluated', () => {
    // given
    const source = 'amount * 2 + bonus';
    const before = feelCompilations();
    // when
    for (let i = 0; i < 1_000; i++) expect(evaluateRaw(feel(source), { amount: i, bonus: 1 })).to.equal(i * 2 + 1);
    // then
    expect(feelCompilations() - before).to.equal(1);
  });

  it('should give what feelin gives for the same variables: arithmetic, comparisons, conditions, lists, paths, builtins', () => {
    const sources = [
      'a * b - c', 'a > b and c <= a', 'if a > b then "big" else "small"', 'count(list) + sum(list)', 'list[item > b]',
      'for x in list return x * a', 'some x in list satisfies x > c', '{total: a + b, first: list[1]}', 'customer.address.city', 'string length(name) > a',
    ];
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 6 }), fc.string({ maxLength: 8 }), (a, b, c, list, name) => {
        const variables = { a, b, c, list, name, customer: { address: { city: name } } };
        for (const source of sources) {
          expect(toJson(compiledFeel(source)!(variables)), source).to.deep.equal(toJson(evaluate(source, variables).value));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('should resolve a variable that is absent as feelin does: a builtin of that name, else null', () => {
    expect(compiledFeel('count([1, 2, 3])')!({})).to.equal(3);
    expect(compiledFeel('missing')!({})).to.equal(null);
    expect(evaluateRaw(feel('missing = null'), {})).to.equal(true);
  });

  it('should read the engine clock through now() and today(), not the wall clock', () => {
    const variables = feelContext({}, new Date('2030-06-01T12:00:00Z'));
    expect(toJson(evaluateRaw(feel('now() + duration("P1D")'), variables))).to.equal('2030-06-02T12:00:00Z');
    expect(toJson(evaluateRaw(feel('today()'), variables))).to.equal('2030-06-01');
  });

  it('should still explain a script that cannot be evaluated, with feelin\'s warnings', () => {
    expect(() => evaluateStrict(feel('missing * 2'), { amount: 1 }, 'compute')).to.throw(/Variable 'missing' not found/);
  });

  it('should leave names with spaces and invalid expressions to feelin', () => {
    expect(() => compiledFeel('monthly salary * 12')!({ 'monthly salary': 10 })).to.throw(/a variable here/);
    expect(compiledFeel('a +')).to.equal(undefined);
    expect(() => compiledFeel('string length(x)')!({ x: 'abc', 'string length': 1 })).to.throw(/a variable here/);
    expect(evaluateStrict(feel('monthly salary * 12'), { 'monthly salary': 10 }, 'pay')).to.equal(120);
  });
});
