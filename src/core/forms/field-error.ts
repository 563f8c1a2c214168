import type { Locale } from '../i18n/locale';
import { type MessageKey, type MessageParams, type ParamsArgument, translate, translateUnchecked } from '../i18n/translate';
import { type FormSpec, fieldName } from './form-types';

/** A problem with one field, kept as a message key so each reader gets it in their language. */
export interface FieldError {
  readonly field: string;
  readonly key: MessageKey;
  readonly params: MessageParams;
}

export function fieldError<K extends MessageKey>(field: string, key: K, ...params: ParamsArgument<K>): FieldError {
  return { field, key, params: (params[0] ?? {}) as MessageParams };
}

/** Every problem as a list line naming its field, for a refusal shown as a message. */
export function fieldErrorLines(form: FormSpec, errors: readonly FieldError[], locale: Locale): string[] {
  return errors.map((error) => `- ${describeFieldError(form, error, locale)}`);
}

/** The message alone, for inline display next to the field (Slack `response_action: errors`). */
export function describeFieldProblem(error: FieldError, locale: Locale): string {
  return translateUnchecked(locale, error.key, error.params);
}

/** The message with the field named, for platforms that answer in a message (terminal, Discord). */
export function describeFieldError(form: FormSpec, error: FieldError, locale: Locale): string {
  const field = form.fields.find((candidate) => candidate.key === error.field);
  return translate(locale, 'form.error.line', {
    label: field ? fieldName(field, locale) : error.field,
    key: error.field,
    problem: describeFieldProblem(error, locale),
  });
}
