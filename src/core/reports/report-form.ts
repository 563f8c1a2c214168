import type { FormSpec } from '../forms/form-types';
import { localized } from '../i18n/translate';
import type { Programme } from '../programme/programme-schema';

export const REPORT_FORM_ID = 'mentorat.report';
export const DESCRIPTION_LIMITS = { min: 10, max: 2000 } as const;

/**
 * The report form. Which binôme is a name typed, not a list: a form is the same for everyone
 * (Discord and Slack open it before the bot can look anything up), and only a mentor of several
 * needs it; for everyone else it may stay empty.
 */
export function buildReportForm(programme: Programme): FormSpec {
  return {
    id: REPORT_FORM_ID,
    title: localized('report.form.title'),
    fields: [
      {
        kind: 'choice',
        key: 'category',
        label: localized('report.form.category'),
        required: true,
        choices: programme.reports.categories.map((category) => ({ value: category.id, label: category.label })),
      },
      {
        kind: 'text',
        key: 'binome',
        label: localized('report.form.binome'),
        hint: localized('report.form.binomeHint'),
        required: false,
        minLength: 1,
        maxLength: 80,
        multiline: false,
      },
      {
        kind: 'text',
        key: 'description',
        label: localized('report.form.description'),
        hint: localized('report.form.descriptionHint'),
        required: true,
        minLength: DESCRIPTION_LIMITS.min,
        maxLength: DESCRIPTION_LIMITS.max,
        multiline: true,
      },
      {
        kind: 'consent',
        key: 'contact',
        label: localized('report.form.contact'),
        statement: localized('report.form.contactStatement'),
        required: false,
      },
    ],
  };
}

/** A text to write about a report (a reply, a note, a resolution, a reason): its reference, then the text. */
export function buildReportTextForm(
  id: string,
  textKey: 'message' | 'note' | 'resolution' | 'reason',
  title: 'reply' | 'note' | 'resolve' | 'escalate',
): FormSpec {
  return {
    id,
    title: localized(`report.textForm.${title}.title`),
    fields: [
      {
        kind: 'text',
        key: 'reference',
        label: localized('report.textForm.reference'),
        required: true,
        minLength: 8,
        maxLength: 13,
        multiline: false,
      },
      {
        kind: 'text',
        key: textKey,
        label: localized(`report.textForm.${title}.label`),
        required: true,
        minLength: 1,
        maxLength: DESCRIPTION_LIMITS.max,
        multiline: true,
      },
    ],
  };
}
