/**
 * bpmn-moddle ships no types for its main entry: the part of it Lifeline
 * uses. Elements stay loosely typed (`[property: string]: any`): the parser
 * reads them defensively and reports what is missing.
 */
declare module 'bpmn-moddle' {
  /** An element of the model tree: `$type` is the qualified type, e.g. `bpmn:UserTask`. */
  export interface ModdleElement {
    $type: string;
    id?: string;
    name?: string;
    $parent?: ModdleElement;
    $attrs?: Record<string, string>;
    [property: string]: any;
  }

  /** An import warning: an unresolved reference, a duplicate id, unparsable content. */
  export interface ModdleWarning {
    message: string;
    element?: ModdleElement;
    property?: string;
    value?: unknown;
    error?: Error;
  }

  export interface ParseResult {
    rootElement: ModdleElement;
    elementsById: Record<string, ModdleElement>;
    references: { element: ModdleElement; property: string; id: string }[];
    warnings: ModdleWarning[];
  }

  /** A moddle with the BPMN 2.0 meta-model and the given extension packages. */
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
    /** Serialises an element tree back to XML. */
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
    /** Creates an element of a type, e.g. `bpmndi:BPMNPlane`. */
    create(type: string, properties?: Record<string, unknown>): ModdleElement;
  }
}
