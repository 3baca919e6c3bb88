/** Reads and parses the BPMN fixtures that sit beside the parser tests. */
import { readFile } from 'node:fs/promises';
import { expect } from 'chai';
import { parseBpmn, type ParseResult } from '../../../engine/parser/index.js';
import type { Problem, ProcessIR, ScopeIR } from '../../../engine/ir/types.js';

/** The XML of `fixtures/<name>`. */
export function fixtureXml(name: string): Promise<string> {
  return readFile(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
}

/** Parses `fixtures/<name>`. */
export async function parseFixture(name: string): Promise<ParseResult> {
  return parseBpmn(await fixtureXml(name));
}

/** Parses a fixture that must have no problem and returns its process `processId`. */
export async function processOf(name: string, processId: string): Promise<ProcessIR> {
  const { processes, problems } = await parseFixture(name);
  expect(problems, 'problems').to.deep.equal([]);
  const process = processes.find((p) => p.processId === processId);
  expect(process, `process ${processId}`).to.not.equal(undefined);
  return process!;
}

/** The scope of subprocess `id` in `scope`. */
export function subScope(scope: ScopeIR, id: string): ScopeIR {
  const inner = scope.nodes[id]?.scope;
  expect(inner, `scope of ${id}`).to.not.equal(undefined);
  return inner!;
}

/** Asserts that some problem is on `elementId` and its message matches `pattern`. */
export function expectProblem(problems: Problem[], elementId: string | undefined, pattern: RegExp): void {
  const match = problems.find((p) => p.elementId === elementId && pattern.test(p.message));
  expect(match, `no problem on ${elementId} matching ${pattern}; got ${JSON.stringify(problems, null, 1)}`).to.not.equal(undefined);
}
