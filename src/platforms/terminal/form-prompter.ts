import { isFieldActive } from '../../core/forms/conditions';
import { describeFieldError } from '../../core/forms/field-error';
import { validateField } from '../../core/forms/form-schema';
import type { FormField, FormSpec, FormValue, FormValues, RawFormValue, RawFormValues } from '../../core/forms/form-types';
import { parseRawValue } from '../../core/forms/raw-input';
import { fieldRules } from '../../core/help';
import type { Locale } from '../../core/i18n/locale';
import { translate } from '../../core/i18n/translate';
import { typedValue } from '../../core/participants/profile-summary';
import { literal } from '../../core/reply';
import type { LineSource } from './line-source';
import { labels, type Transcript } from './transcript';

export type PromptOutcome = { readonly submitted: true; readonly values: RawFormValues } | { readonly submitted: false };

export interface PromptRequest {
  readonly form: FormSpec;
  readonly initial: FormValues;
  /** Values typed as `key:value` on the command line. */
  readonly inline: Readonly<Record<string, string>>;
  readonly user: string;
  readonly locale: Locale;
}

function toRaw(value: FormValue): RawFormValue {
  return typeof value === 'number' ? String(value) : value;
}

function describeField(field: FormField, locale: Locale, current: FormValue | undefined): string {
  const lines = [`• ${field.label[locale]} [${field.key}] — ${fieldRules(field, locale)}`];
  if (field.hint) lines.push(`  ${field.hint[locale]}`);
  if (field.details) lines.push(...field.details[locale].split('\n').map((line) => `  | ${line}`));
  if (field.kind === 'consent') lines.push(`  ${field.statement[locale]}`);
  if (field.kind === 'choice' || field.kind === 'multi-choice') {
    const choices = field.choices.map((choice, index) => `${index + 1}. ${choice.value} (${choice.label[locale]})`).join(' · ');
    lines.push(`  ${translate(locale, 'terminal.form.choices', { choices })}`);
  }
  if (current !== undefined) {
    const clear = field.required ? '' : ` ${translate(locale, 'terminal.form.clear')}`;
    const shown =
      typeof current === 'boolean' ? translate(locale, current ? 'common.yes' : 'common.no') : literal(typedValue(field, current));
    lines.push(`  ${translate(locale, 'terminal.form.current', { value: shown })}${clear}`);
  } else if (!field.required) lines.push(`  ${translate(locale, 'terminal.form.optional')}`);
  return lines.join('\n');
}

/**
 * Asks a form field by field, with the same labels, limits and choices as the platforms'
 * forms. With nothing given inline, every field is asked, its current value kept on Enter.
 * With values given inline (a one-line script), only missing required fields are asked and
 * the rest goes to the core as typed, which rejects it with every problem at once, as a
 * platform modal would. A command typed instead of an answer abandons the form (nothing is
 * stored) and then runs.
 */
export async function promptForm(request: PromptRequest, lines: LineSource, transcript: Transcript): Promise<PromptOutcome> {
  const { form, locale, user } = request;
  const askEverything = Object.keys(request.inline).length === 0;
  const typed: Record<string, FormValue | undefined> = { ...request.initial };
  for (const [key, text] of Object.entries(request.inline)) {
    const field = form.fields.find((candidate) => candidate.key === key);
    if (field) typed[key] = parseRawValue(field, text);
  }
  transcript.block(labels.form(user), `**${form.title[locale]}**`);
  let introduced = false;

  const answers: Record<string, FormValue> = {};
  for (const field of form.fields) {
    if (!isFieldActive(field, answers)) continue;
    let value = typed[field.key];
    if (!askEverything && (value !== undefined || !field.required)) {
      if (value !== undefined) answers[field.key] = value;
      continue;
    }
    if (!introduced) {
      transcript.line(`  ${translate(locale, 'terminal.form.intro')}`);
      introduced = true;
    }
    transcript.line(`  ${describeField(field, locale, value).replaceAll('\n', '\n  ')}`);
    for (;;) {
      const line = await lines.read(`  ${field.key}> `, '/cancel');
      if (line === undefined || line.trim() === '/cancel') {
        transcript.block(labels.ephemeral(user), translate(locale, 'terminal.form.cancelled'));
        return { submitted: false };
      }
      if (line.trim().startsWith('/')) {
        transcript.block(labels.ephemeral(user), translate(locale, 'terminal.form.cancelled'));
        lines.unread(line);
        return { submitted: false };
      }
      const typedLine = line.trim();
      // Enter keeps the current value; "-" clears an optional one.
      const answer = typedLine === '' ? value : typedLine === '-' && !field.required ? undefined : parseRawValue(field, line);
      const problem = validateField(field, answer);
      if (!problem) {
        value = answer;
        break;
      }
      transcript.line(`    ✗ ${describeFieldError(form, problem, locale)}`);
    }
    if (value !== undefined) answers[field.key] = value;
  }
  const values: Record<string, RawFormValue> = {};
  for (const [key, value] of Object.entries(answers)) values[key] = toRaw(value);
  return { submitted: true, values };
}
