import { activeFields } from '../forms/conditions';
import { type FormField, type FormSpec, type FormValue, type FormValues, fieldName } from '../forms/form-types';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { literal, type MarkupText } from '../reply';

function describeValue(field: FormField, value: FormValue, locale: Locale): string {
  switch (field.kind) {
    case 'choice':
      return field.choices.find((choice) => choice.value === value)?.label[locale] ?? String(value);
    case 'multi-choice':
      return (value as readonly string[])
        .map((item) => field.choices.find((choice) => choice.value === item)?.label[locale] ?? item)
        .join(', ');
    case 'list':
      return (value as readonly string[]).map(literal).join(' ; ');
    case 'consent':
      return translate(locale, value === true ? 'common.yes' : 'common.no');
    case 'text':
      return literal(String(value));
    default:
      return String(value);
  }
}

/** "- **Label** : value" lines for every answered field, consents left out (they are dated elsewhere). */
export function summarizeAnswers(form: FormSpec, values: FormValues, locale: Locale): MarkupText {
  return activeFields(form.fields, values)
    .filter((field) => field.kind !== 'consent')
    .flatMap((field) => {
      const value = values[field.key];
      if (value === undefined || (Array.isArray(value) && value.length === 0)) return [];
      return [translate(locale, 'profile.line', { label: fieldName(field, locale), value: describeValue(field, value, locale) })];
    })
    .join('\n');
}

/** A value as a person would type it back, for defaults shown while editing. */
export function typedValue(field: FormField, value: FormValue): string {
  if (Array.isArray(value)) return value.join(field.kind === 'list' ? ' ; ' : ', ');
  return String(value);
}
