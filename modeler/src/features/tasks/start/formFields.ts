/** Reading a form-js schema: the label of the field at a value path (the business key's field, shown in words). */

interface Component {
  key?: string;
  path?: string;
  label?: string;
  dateLabel?: string;
  components?: Component[];
}

/** The label of the field whose value path is `path` (`customer`, `event.id`), if the form has one. */
export function fieldLabel(schema: Record<string, unknown>, path: string): string | undefined {
  const walk = (components: Component[] | undefined, prefix: string): string | undefined => {
    for (const component of components ?? []) {
      const here = component.key ?? component.path;
      const full = here ? (prefix ? `${prefix}.${here}` : here) : prefix;
      if (component.key && full === path) return component.label || component.dateLabel || component.key;
      const inner = component.components ? walk(component.components, component.path ? full : prefix) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(schema.components as Component[] | undefined, '');
}
