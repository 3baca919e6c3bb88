/**
 * Visits every element of a bpmn-moddle tree (the definitions, processes,
 * collaborations, their contents, DI), each once, with its parent. Rule
 * checks that need the whole document, not only the executable processes,
 * use it.
 */
import type { ModdleElement } from 'bpmn-moddle';

interface PropertyDescriptor {
  name: string;
  isReference?: boolean;
  isVirtual?: boolean;
  isMany?: boolean;
  type?: string;
}

/** The properties moddle knows for `element` (its own and inherited). */
export function propertiesOf(element: ModdleElement): PropertyDescriptor[] {
  return ((element as unknown as { $descriptor?: { properties?: PropertyDescriptor[] } }).$descriptor?.properties ?? []);
}

/** Calls `visit` for `root` and every element it contains, depth first. */
export function walkModdle(root: ModdleElement, visit: (element: ModdleElement) => void): void {
  const seen = new Set<ModdleElement>();
  const walk = (element: ModdleElement) => {
    if (seen.has(element)) return;
    seen.add(element);
    visit(element);
    for (const property of propertiesOf(element)) {
      if (property.isReference || property.isVirtual) continue;
      const value = (element as Record<string, unknown>)[property.name];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as ModdleElement).$type === 'string') walk(child as ModdleElement);
      }
    }
  };
  walk(root);
}
