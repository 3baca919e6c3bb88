/**
 * Checks task completion variables against a form-js schema: required
 * fields, the value types of the common components, and the limits form-js
 * declares (min/max, minLength/maxLength, pattern, allowed values).
 */
export interface FormProblem {
  field: string;
  message: string;
}

interface Component {
  type?: string;
  key?: string;
  label?: string;
  values?: { value: unknown }[];
  components?: Component[];
  validate?: { required?: boolean; min?: number; max?: number; minLength?: number; maxLength?: number; pattern?: string };
}

function fields(components: Component[] = []): Component[] {
  return components.flatMap((c) => [...(c.key ? [c] : []), ...fields(c.components)]);
}

export function validateForm(schema: Record<string, unknown>, values: Record<string, unknown>): FormProblem[] {
  const problems: FormProblem[] = [];
  for (const field of fields(schema.components as Component[])) {
    const key = field.key!;
    const value = values[key];
    const name = field.label ?? key;
    const present = value !== undefined && value !== null && value !== '';
    if (field.validate?.required && !present) {
      problems.push({ field: key, message: `${name} is required` });
      continue;
    }
    if (!present) continue;
    switch (field.type) {
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) problems.push({ field: key, message: `${name} must be a number` });
        else {
          if (field.validate?.min !== undefined && value < field.validate.min) problems.push({ field: key, message: `${name} must be at least ${field.validate.min}` });
          if (field.validate?.max !== undefined && value > field.validate.max) problems.push({ field: key, message: `${name} must be at most ${field.validate.max}` });
        }
        break;
      case 'checkbox':
        if (typeof value !== 'boolean') problems.push({ field: key, message: `${name} must be true or false` });
        break;
      case 'select':
      case 'radio':
        if (field.values && !field.values.some((v) => v.value === value)) problems.push({ field: key, message: `${name} must be one of ${field.values.map((v) => JSON.stringify(v.value)).join(', ')}` });
        break;
      case 'textfield':
      case 'textarea':
        if (typeof value !== 'string') problems.push({ field: key, message: `${name} must be text` });
        else {
          if (field.validate?.minLength !== undefined && value.length < field.validate.minLength) problems.push({ field: key, message: `${name} must have at least ${field.validate.minLength} characters` });
          if (field.validate?.maxLength !== undefined && value.length > field.validate.maxLength) problems.push({ field: key, message: `${name} must have at most ${field.validate.maxLength} characters` });
          if (field.validate?.pattern && !new RegExp(field.validate.pattern).test(value)) problems.push({ field: key, message: `${name} does not match ${field.validate.pattern}` });
        }
        break;
      default:
        break;
    }
  }
  return problems;
}
