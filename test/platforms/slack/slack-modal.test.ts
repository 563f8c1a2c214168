import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commands } from '../../../commands';
import type { FormField, FormSpec, RawFormValues } from '../../../src/core/forms/form-types';
import { LOCALES } from '../../../src/core/i18n/locale';
import { FIELD_ACTION_ID, formModal } from '../../../src/platforms/slack/slack-modal';
import { defaultProgramme } from '../../support/programme';

/** Slack's Block Kit limits, from its reference (not from the code under test). */
const SLACK = { title: 24, button: 24, label: 2000, optionText: 75, options: 100, textValue: 3000 };

const programme = defaultProgramme();
const plainText = z.object({ type: z.literal('plain_text'), text: z.string() });
const option = z.object({ text: plainText, value: z.string() });
const inputBlock = z.looseObject({
  type: z.literal('input'),
  block_id: z.string(),
  label: plainText,
  element: z.looseObject({ type: z.string(), action_id: z.string(), options: z.array(option).optional() }),
});

/** Every form a Slack user can open: the commands' own, and those their buttons open. */
const forms: FormSpec[] = commands.flatMap((command) => [
  ...(command.form ? [command.form(programme)] : []),
  ...Object.values(command.actionForms ?? {}).map((build) => build(programme)),
]);

/** Answers that show each conditional field: its condition, and the condition of the field it hangs on. */
function answerSets(form: FormSpec): RawFormValues[] {
  const showing = (field: FormField, value: string): RawFormValues => {
    if (!field.when) return {};
    const parent = form.fields.find((candidate) => candidate.key === field.when?.field);
    return { ...(parent?.when ? showing(parent, parent.when.in[0] ?? '') : {}), [field.when.field]: value };
  };
  return [{}, ...form.fields.flatMap((field) => (field.when ? field.when.in.map((value) => showing(field, value)) : []))];
}

function inputsOf(form: FormSpec, values: RawFormValues, locale: (typeof LOCALES)[number]) {
  const modal = formModal(form, values, { formId: form.id, locale });
  const inputs = (modal.blocks as unknown[]).flatMap((block) => {
    const parsed = inputBlock.safeParse(block);
    return parsed.success ? [parsed.data] : [];
  });
  return { modal, inputs };
}

const expectedElement: Record<FormField['kind'], string> = {
  text: 'plain_text_input',
  date: 'plain_text_input',
  integer: 'plain_text_input',
  list: 'plain_text_input',
  choice: 'static_select',
  'multi-choice': 'multi_static_select',
  consent: 'checkboxes',
};

describe('the Slack modal built from a form', () => {
  it('has forms to check: reporting, enrolment, the profile’s edit button, the check-in’s help button (the report form), feedback, and each report text with its button', () => {
    const reportTexts = ['reply', 'note', 'resolve', 'escalate'].flatMap((action) => [
      `mentorat.report-${action}`,
      `mentorat.report-${action}`,
    ]);
    expect(forms.map((form) => form.id)).toEqual([
      'mentorat.report',
      'mentorat.enrol',
      'mentorat.enrol',
      'mentorat.report',
      'mentorat.feedback',
      'mentorat.feedback',
      ...reportTexts,
    ]);
  });

  describe.each(LOCALES)('in %s', (locale) => {
    it('has a title, a submit and a close button within 24 characters', () => {
      for (const form of forms) {
        const { modal } = inputsOf(form, {}, locale);
        expect(modal.title.text.length, form.id).toBeGreaterThan(0);
        expect(modal.title.text.length, form.id).toBeLessThanOrEqual(SLACK.title);
        expect(modal.title.text).toBe(form.title[locale]);
        for (const button of [modal.submit, modal.close]) {
          expect(button?.text.length).toBeGreaterThan(0);
          expect(button?.text.length).toBeLessThanOrEqual(SLACK.button);
        }
      }
    });

    it('renders each field as Slack lets a person answer it: select, multi-select, checkbox, bounded text', () => {
      const kindsSeen = new Set<string>();
      const fieldsSeen = new Set<string>();
      for (const form of forms) {
        for (const values of answerSets(form)) {
          const { inputs } = inputsOf(form, values, locale);
          expect(inputs.length).toBeGreaterThan(0);
          for (const input of inputs) {
            const field = form.fields.find((candidate) => candidate.key === input.block_id);
            if (!field) throw new Error(`no field ${input.block_id} in ${form.id}`);
            kindsSeen.add(field.kind);
            fieldsSeen.add(`${form.id}.${field.key}`);
            const { element } = input;
            expect(element.type, field.key).toBe(expectedElement[field.kind]);
            expect(element.action_id).toBe(FIELD_ACTION_ID);
            expect(input.label.text).toBe(field.label[locale]);
            expect(input.label.text.length).toBeLessThanOrEqual(SLACK.label);
            if (element.type === 'plain_text_input') {
              expect(element.max_length, field.key).toEqual(expect.any(Number));
              expect(element.max_length as number).toBeGreaterThan(0);
              expect(element.max_length as number).toBeLessThanOrEqual(SLACK.textValue);
            }
            if (field.kind === 'text') expect(element.max_length, field.key).toBe(Math.min(field.maxLength, SLACK.textValue));
            if (field.kind === 'multi-choice') expect(element.max_selected_items, field.key).toBe(field.maxItems);
            if (field.kind === 'choice' || field.kind === 'multi-choice') {
              expect(element.options?.map((choice) => choice.value)).toEqual(field.choices.map((choice) => choice.value));
              expect(element.options?.length).toBeLessThanOrEqual(SLACK.options);
              for (const choice of element.options ?? []) expect(choice.text.text.length).toBeLessThanOrEqual(SLACK.optionText);
            }
            if (field.kind === 'consent') {
              // One box to tick; the input stays optional so that declining gets the same explanation as elsewhere.
              expect(element.options).toHaveLength(1);
              expect(input.optional).toBe(true);
            }
          }
        }
      }
      for (const form of forms) for (const field of form.fields) expect(fieldsSeen).toContain(`${form.id}.${field.key}`);
      // The enrolment form uses every kind of field there is.
      expect([...kindsSeen].sort()).toEqual(Object.keys(expectedElement).sort());
    });
  });
});
