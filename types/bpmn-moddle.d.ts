/** bpmn-moddle ships no types for its main entry: the little Lifeline uses of it. */
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    id: string;
    name?: string;
    $parent?: ModdleElement;
    [property: string]: any;
  }
  export interface ParseResult {
    rootElement: ModdleElement;
    elementsById: Record<string, ModdleElement>;
    references: { element: ModdleElement; property: string; id: string }[];
    warnings: { message: string; element?: ModdleElement; error?: Error }[];
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }
}
