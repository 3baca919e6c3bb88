/**
 * BPMN formal expressions (`conditionExpression`, `loopCardinality`,
 * `completionCondition`, `loopCondition`) as IR expressions. As in Camunda 8
 * they are FEEL, with or without the leading `=`.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Expr } from '../ir/types.js';
import { toExpr } from '../expressions/feel.js';
import type { Problems } from './Problems.js';

const FEEL_LANGUAGES = /^(feel|https?:\/\/www\.omg\.org\/spec\/feel\/.*)$/i;

/**
 * The FEEL expression in the body of `formal`, or undefined when there is
 * none. An empty body or a `language` other than FEEL is a problem on `elementId`.
 */
export function readFormalExpression(formal: ModdleElement | undefined, elementId: string, what: string, problems: Problems): Expr | undefined {
  if (!formal) return undefined;
  // Without xsi:type="bpmn:tFormalExpression", moddle keeps `language` as an unknown attribute.
  const language = formal.language ?? formal.$attrs?.language;
  if (language && !FEEL_LANGUAGES.test(String(language).trim())) {
    problems.at(elementId, `${what} is written in '${language}': only FEEL expressions are supported`);
  }
  const text = String(formal.body ?? '').trim();
  if (text === '') {
    problems.at(elementId, `${what} is empty`);
    return undefined;
  }
  return toExpr(text.startsWith('=') ? text : `=${text}`);
}
