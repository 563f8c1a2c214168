import type { Command } from '../core/command';
import type { FormSpec } from '../core/forms/form-types';
import type { Programme } from '../core/programme/programme-schema';

/**
 * The form a submission (or a form step) names: the command's own, or one a button of it opens
 * (`actionForms`), such as a note on a report, which the command with that id receives too.
 */
export function formById(commands: readonly Command[], programme: Programme, formId: string): FormSpec | undefined {
  const command = commands.find((candidate) => candidate.id === formId);
  if (!command) return undefined;
  const own = command.form?.(programme);
  if (own) return own;
  return Object.values(command.actionForms ?? {})
    .map((build) => build(programme))
    .find((form) => form.id === formId);
}
