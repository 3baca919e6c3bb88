/** bpmn-auto-layout ships no types: the one function the diagram tools use. */
declare module 'bpmn-auto-layout' {
  /** Returns the XML with diagram interchange (shapes and edges) for its process. */
  export function layoutProcess(xml: string): Promise<string>;
}
