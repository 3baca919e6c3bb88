/**
 * What form-js's viewer checks on one field, checked again on the server:
 * required (an unchecked checkbox or an empty list is missing, as in
 * form-js), value types of the input components, min/max, lengths, pattern,
 * email and phone, allowed values, dates. Messages name the field's label.
 */

/** One form-js component, as far as validation reads it. */
export interface FormComponent {
  type?: string;
  key?: string;
  path?: string;
  label?: string;
  /** datetime fields label their parts. */
  dateLabel?: string;
  timeLabel?: string;
  disabled?: boolean;
  subtype?: string;
  serializeToString?: boolean;
  values?: { value: unknown }[];
  components?: FormComponent[];
  validate?: { required?: boolean; min?: number; max?: number; minLength?: number; maxLength?: number; pattern?: string; patternErrorMessage?: string; validationType?: string };
}

/** form-js's own patterns (form-js-viewer Validator), so browser and server agree. */
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const PHONE = /^(\+|00)\d{6,20}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** A pattern the form's author got wrong matches nothing (form-js's viewer cannot check it either), rather than failing the request. */
function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

const allowed = (field: FormComponent, value: unknown) => !field.values || field.values.some((v) => v.value === value);
const choices = (field: FormComponent) => (field.values ?? []).map((v) => JSON.stringify(v.value)).join(', ');

function checkText(field: FormComponent, name: string, value: string): string[] {
  const rules = field.validate ?? {};
  const problems: string[] = [];
  if (rules.minLength !== undefined && value.trim().length < rules.minLength) problems.push(`${name} must have at least ${rules.minLength} characters`);
  if (rules.maxLength !== undefined && value.trim().length > rules.maxLength) problems.push(`${name} must have at most ${rules.maxLength} characters`);
  if (rules.pattern && !matches(rules.pattern, value)) problems.push(rules.patternErrorMessage ?? `${name} does not match ${rules.pattern}`);
  if (rules.validationType === 'email' && !EMAIL.test(value)) problems.push(`${name} must be an email address`);
  if (rules.validationType === 'phone' && !PHONE.test(value.replace(/[\s()-]/g, ''))) problems.push(`${name} must be an international phone number (e.g. +4930664040900)`);
  return problems;
}

function checkNumber(field: FormComponent, name: string, value: unknown): string[] {
  const number = typeof value === 'string' && field.serializeToString && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return [`${name} must be a number`];
  const rules = field.validate ?? {};
  if (rules.min !== undefined && number < rules.min) return [`${name} must be at least ${rules.min}`];
  if (rules.max !== undefined && number > rules.max) return [`${name} must be at most ${rules.max}`];
  return [];
}

/** Is the value missing, as form-js judges a required field? */
export function isMissing(field: FormComponent, value: unknown): boolean {
  return value === undefined || value === null || value === '' || (field.type === 'checkbox' && value === false) || (Array.isArray(value) && value.length === 0);
}

/** The problems of one input field's value (present: not missing). */
export function checkValue(field: FormComponent, name: string, value: unknown): string[] {
  switch (field.type) {
    case 'number':
      return checkNumber(field, name, value);
    case 'checkbox':
      return typeof value === 'boolean' ? [] : [`${name} must be true or false`];
    case 'select':
    case 'radio':
      return allowed(field, value) ? [] : [`${name} must be one of ${choices(field)}`];
    case 'checklist':
    case 'taglist':
      if (!Array.isArray(value)) return [`${name} must be a list`];
      return value.every((v) => allowed(field, v)) ? [] : [`${name} may only hold ${choices(field)}`];
    case 'datetime':
      if (typeof value !== 'string') return [`${name} must be a date or time as text`];
      return field.subtype === 'date' && !isDate(value) ? [`${name} must be a date (YYYY-MM-DD)`] : [];
    case 'textfield':
    case 'textarea':
      return typeof value === 'string' ? checkText(field, name, value) : [`${name} must be text`];
    default:
      return [];
  }
}
