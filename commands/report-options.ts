import { z } from 'zod';
import type { Audience } from '../src/core/access';
import type { CommandOption } from '../src/core/command';
import { defineCommand } from '../src/core/command';
import type { UseCaseContext } from '../src/core/context';
import { validateForm } from '../src/core/forms/form-schema';
import { parseRawValues } from '../src/core/forms/raw-input';
import type { PlainMessageKey } from '../src/core/i18n/translate';
import { translate } from '../src/core/i18n/translate';
import type { Reply } from '../src/core/reply';
import { buildReportTextForm } from '../src/core/reports/report-form';

export const referenceOption = (required: boolean): CommandOption => ({
  key: 'reference',
  name: { fr: 'reference', en: 'reference' },
  description: 'option.report.reference.description',
  required,
  choices: [],
});

export const referenceValue = z.string().trim().min(1).max(20);

type TextKey = 'message' | 'note' | 'resolution' | 'reason';
type Action = 'reply' | 'note' | 'resolve' | 'escalate';

interface ReportTextCommand {
  readonly id: string;
  readonly action: Action;
  readonly name: { readonly fr: string; readonly en: string };
  readonly description: PlainMessageKey;
  readonly audience: Audience;
  readonly textKey: TextKey;
  readonly act: (ctx: UseCaseContext, reference: string, text: string) => Promise<Reply>;
}

/**
 * A command that writes a text about a report (reply, note, resolution, escalation): typed with
 * its reference it opens the form filled in; its button (same action name) does the same; the
 * form's submission acts. The button may sit in the coordination space, pressed by any coordinator.
 */
export function defineReportTextCommand(spec: ReportTextCommand) {
  const form = () => buildReportTextForm(spec.id, spec.textKey, spec.action);
  const open = async (reference: string | undefined): Promise<Reply> => ({
    kind: 'form',
    form: form(),
    initial: reference ? { reference } : {},
  });
  return defineCommand({
    id: spec.id,
    group: 'mentorat',
    name: spec.name,
    description: spec.description,
    audience: spec.audience,
    options: [referenceOption(false)],
    input: z.object({ reference: referenceValue.optional() }),
    form,
    run: (_ctx, input) => open(input.reference),
    async submit(ctx, raw) {
      const values = parseRawValues(form(), raw);
      const validation = validateForm(form(), values);
      if (!validation.ok) {
        return {
          kind: 'form-rejected',
          form: form(),
          values,
          errors: validation.errors,
          messages: [{ text: translate(ctx.locale, 'report.textForm.rejected') }],
        };
      }
      return spec.act(ctx, String(validation.values.reference), String(validation.values[spec.textKey]));
    },
    actions: { [spec.action]: (_ctx, args) => open(args[0]) },
    actionForms: { [spec.action]: form },
    sharedActions: [spec.action],
  });
}
