import { MAX_BUTTON_ID_LENGTH } from '../../dispatch/button-id';

/**
 * Custom ids of the components of a form shown in steps. Like command buttons they carry
 * everything needed after a restart (the draft itself is in the store): which form, whose
 * draft, and for a select menu which field it fills.
 */
const VERSION = 'f1';
export const STEP_ACTIONS = ['select', 'next', 'open', 'fix', 'cancel', 'modal'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

export interface StepTarget {
  readonly action: StepAction;
  readonly formId: string;
  readonly owner: string;
  readonly field?: string;
}

export function encodeStepId(target: StepTarget): string {
  const parts = [VERSION, target.action, target.formId, target.owner, ...(target.field === undefined ? [] : [target.field])];
  const id = parts.map(encodeURIComponent).join('|');
  if (id.length > MAX_BUTTON_ID_LENGTH) throw new Error(`step id longer than ${MAX_BUTTON_ID_LENGTH} characters: ${id}`);
  return id;
}

export function isStepId(id: string): boolean {
  return id.startsWith(`${VERSION}|`);
}

export function decodeStepId(id: string): StepTarget | undefined {
  let parts: string[];
  try {
    parts = id.split('|').map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const [version, action, formId, owner, field, ...rest] = parts;
  const known = STEP_ACTIONS.find((candidate) => candidate === action);
  if (version !== VERSION || !known || !formId || !owner || rest.length > 0) return undefined;
  return field === undefined ? { action: known, formId, owner } : { action: known, formId, owner, field };
}
