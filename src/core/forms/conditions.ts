import type { FormField, FormValues } from './form-types';

/** Whether a field applies, given the values so far (a mentor is never asked for a thesis date). */
export function isFieldActive(field: FormField, values: FormValues): boolean {
  if (!field.when) return true;
  const value = values[field.when.field];
  return typeof value === 'string' && field.when.in.includes(value);
}

export function activeFields(fields: readonly FormField[], values: FormValues): FormField[] {
  return fields.filter((field) => isFieldActive(field, values));
}
