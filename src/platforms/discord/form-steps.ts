import { activeFields } from '../../core/forms/conditions';
import type { FormField, FormSpec, RawFormValues } from '../../core/forms/form-types';

/** A Discord modal holds at most 5 inputs; a message 5 rows, one of which carries the step's buttons. */
export const MAX_MODAL_INPUTS = 5;
export const MAX_SELECTS_PER_MESSAGE = 4;

export type StepKind = 'modal' | 'selects';

export interface FormStep {
  readonly kind: StepKind;
  readonly fields: readonly FormField[];
}

export interface StepPosition {
  readonly step: FormStep;
  /** 1-based, among the steps the current answers lead to (a mentor has other steps than a mentee). */
  readonly number: number;
  readonly total: number;
}

export function isSelectField(field: FormField): boolean {
  return field.kind === 'choice' || field.kind === 'multi-choice' || field.kind === 'consent';
}

/**
 * The order fields are asked in on Discord: free text that applies to everyone first (so the
 * command can open a modal as its first answer), then the choices, then the text that depends
 * on a choice (a thesis date, a capacity), then the consents, last, as on paper (with an optional
 * choice asked of everyone). A field asked
 * only when another has some value always comes after it: conditions only name choices.
 */
function phaseOf(field: FormField): number {
  // An optional choice for everyone ("pair me again") goes with the consents: no step of its own.
  if (field.kind === 'consent' || (isSelectField(field) && !field.required && !field.when)) return 3;
  if (isSelectField(field)) return 1;
  return field.when ? 2 : 0;
}

function chunk(fields: readonly FormField[], size: number): FormField[][] {
  const chunks: FormField[][] = [];
  for (let index = 0; index < fields.length; index += size) chunks.push(fields.slice(index, index + size));
  return chunks;
}

/** The steps the form takes given the answers so far; choosing a role changes the later steps. */
export function planSteps(form: FormSpec, values: RawFormValues): FormStep[] {
  const fields = activeFields(form.fields, values).map((field, index) => ({ field, index }));
  fields.sort((a, b) => phaseOf(a.field) - phaseOf(b.field) || a.index - b.index);
  const steps: FormStep[] = [];
  let run: FormField[] = [];
  const flush = () => {
    const first = run[0];
    if (!first) return;
    const kind: StepKind = isSelectField(first) ? 'selects' : 'modal';
    for (const part of chunk(run, kind === 'modal' ? MAX_MODAL_INPUTS : MAX_SELECTS_PER_MESSAGE)) steps.push({ kind, fields: part });
    run = [];
  };
  for (const { field } of fields) {
    const previous = run[0];
    if (previous && phaseOf(previous) !== phaseOf(field)) flush();
    run.push(field);
  }
  flush();
  return steps;
}

/** The first step holding a field not yet moved past, or undefined when every step is done. */
export function currentStep(form: FormSpec, values: RawFormValues, confirmed: readonly string[]): StepPosition | undefined {
  const steps = planSteps(form, values);
  const done = new Set(confirmed);
  const index = steps.findIndex((step) => step.fields.some((field) => !done.has(field.key)));
  const step = steps[index];
  return step ? { step, number: index + 1, total: steps.length } : undefined;
}

/** Required fields of a step still without an answer. */
export function unanswered(step: FormStep, values: RawFormValues): FormField[] {
  return step.fields.filter((field) => {
    if (!field.required) return false;
    const value = values[field.key];
    return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  });
}
