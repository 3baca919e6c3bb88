/** bpmnlint (CommonJS, no types for its entry points): the linter and its Node resolver, as the model tests use them. */
declare module 'bpmnlint' {
  export interface LintReport {
    id?: string;
    message: string;
    category?: string;
  }
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    /** Reports by rule name. */
    lint(definitions: unknown): Promise<Record<string, LintReport[]>>;
  }
}
declare module 'bpmnlint/lib/resolver/node-resolver.js' {
  const NodeResolver: new () => unknown;
  export default NodeResolver;
}
