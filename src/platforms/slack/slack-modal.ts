import type { KnownBlock, ModalView, Option, PlainTextElement } from '@slack/types';
import { z } from 'zod';
import { activeFields } from '../../core/forms/conditions';
import type {
  DateField,
  FormField,
  FormSpec,
  FormValues,
  IntegerField,
  ListField,
  RawFormValue,
  RawFormValues,
} from '../../core/forms/form-types';
import type { Locale } from '../../core/i18n/locale';
import { translate } from '../../core/i18n/translate';
import { markupToMrkdwn } from './slack-markup';

/** Every input's action id; the field is its block id. */
export const FIELD_ACTION_ID = 'mentorat-field';

/** Slack's limits on a modal (Block Kit). */
const LIMITS = {
  title: 24,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  optionText: 75,
  options: 100,
  textValue: 3000,
  section: 3000,
} as const;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const plain = (text: string, max: number): PlainTextElement => ({ type: 'plain_text', text: clip(text, max) });

/** What the modal remembers between Slack's requests: which form, and where to answer. */
export const modalMetadataSchema = z.object({
  formId: z.string(),
  locale: z.enum(['fr', 'en']),
  channelId: z.string().optional(),
  responseUrl: z.url().optional(),
  /** When Slack handed out the response_url (ms since the epoch): it takes posts for 30 minutes from then. */
  responseUrlSince: z.number().int().optional(),
});
export type ModalMetadata = z.infer<typeof modalMetadataSchema>;

export function readModalMetadata(text: string | undefined): ModalMetadata | undefined {
  try {
    const parsed = modalMetadataSchema.safeParse(JSON.parse(text ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function textOf(value: RawFormValue | FormValues[string]): string | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : value.join('; ');
  return text === '' ? undefined : clip(text, LIMITS.textValue);
}

function options(field: FormField, locale: Locale): Option[] {
  if (field.kind !== 'choice' && field.kind !== 'multi-choice') return [];
  return field.choices
    .slice(0, LIMITS.options)
    .map((choice) => ({ text: plain(choice.label[locale], LIMITS.optionText), value: choice.value }));
}

function chosen(field: FormField, value: RawFormValue | FormValues[string], locale: Locale): Option[] {
  const values = new Set(typeof value === 'string' ? [value] : Array.isArray(value) ? value : []);
  return options(field, locale).filter((option) => option.value !== undefined && values.has(option.value));
}

/** The fields other fields depend on: choosing one updates the modal (a mentor is asked other things than a mentoré·e). */
function drivesOthers(form: FormSpec, field: FormField): boolean {
  return form.fields.some((other) => other.when?.field === field.key);
}

/** The longest answer a date (YYYY-MM-DD or DD/MM/YYYY), a number or a list of names can be. */
function typedLength(field: DateField | IntegerField | ListField): number {
  if (field.kind === 'date') return 10;
  if (field.kind === 'integer') return 12;
  return Math.min(field.maxItems * (field.itemMaxLength + 2), LIMITS.textValue);
}

function element(field: FormField, value: RawFormValue | FormValues[string], locale: Locale) {
  const initialText = textOf(value);
  switch (field.kind) {
    case 'text':
      return {
        type: 'plain_text_input' as const,
        action_id: FIELD_ACTION_ID,
        multiline: field.multiline,
        ...(field.minLength > 0 ? { min_length: field.minLength } : {}),
        max_length: Math.min(field.maxLength, LIMITS.textValue),
        ...(initialText ? { initial_value: initialText } : {}),
      };
    case 'date':
    case 'integer':
    case 'list':
      // Typed as text so that every platform checks them with the same rules and the same words;
      // bounded as on Discord, so that nobody types more than any valid answer could hold.
      return {
        type: 'plain_text_input' as const,
        action_id: FIELD_ACTION_ID,
        multiline: field.kind === 'list',
        max_length: typedLength(field),
        ...(initialText ? { initial_value: initialText } : {}),
      };
    case 'choice': {
      const [initial] = chosen(field, value, locale);
      return {
        type: 'static_select' as const,
        action_id: FIELD_ACTION_ID,
        options: options(field, locale),
        ...(initial ? { initial_option: initial } : {}),
      };
    }
    case 'multi-choice': {
      const initial = chosen(field, value, locale);
      return {
        type: 'multi_static_select' as const,
        action_id: FIELD_ACTION_ID,
        options: options(field, locale),
        max_selected_items: field.maxItems,
        ...(initial.length > 0 ? { initial_options: initial } : {}),
      };
    }
    case 'consent': {
      const accept: Option = { text: plain(translate(locale, 'steps.consent.accept'), LIMITS.optionText), value: 'yes' };
      return {
        type: 'checkboxes' as const,
        action_id: FIELD_ACTION_ID,
        options: [accept],
        ...(value === true ? { initial_options: [accept] } : {}),
      };
    }
  }
}

function blocksFor(form: FormSpec, field: FormField, value: RawFormValue | FormValues[string], locale: Locale): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (field.kind === 'consent') {
    const details = field.details?.[locale];
    const text = [`*${field.statement[locale]}*`, details ? markupToMrkdwn(details) : ''].filter(Boolean).join('\n');
    blocks.push({ type: 'section', block_id: `${field.key}-statement`, text: { type: 'mrkdwn', text: clip(text, LIMITS.section) } });
  }
  const hint = field.hint?.[locale];
  blocks.push({
    type: 'input',
    block_id: field.key,
    // Consents stay submittable unticked, so that refusing gets the same explanation as elsewhere.
    optional: field.kind === 'consent' || !field.required,
    dispatch_action: drivesOthers(form, field),
    label: plain(field.label[locale], LIMITS.label),
    ...(hint ? { hint: plain(hint, LIMITS.hint) } : {}),
    element: element(field, value, locale),
  } as KnownBlock);
  return blocks;
}

/** The form as one Slack modal, with the fields the current answers call for, filled with them. */
export function formModal(form: FormSpec, values: RawFormValues | FormValues, metadata: ModalMetadata): ModalView {
  const { locale } = metadata;
  return {
    type: 'modal',
    callback_id: form.id,
    private_metadata: JSON.stringify(metadata),
    title: plain(form.title[locale], LIMITS.title),
    submit: plain(translate(locale, 'form.submit'), LIMITS.title),
    close: plain(translate(locale, 'common.cancel'), LIMITS.title),
    blocks: activeFields(form.fields, values).flatMap((field) => blocksFor(form, field, values[field.key], locale)),
  };
}

/** A modal that only says something (a refusal, a failure): no submit button. */
export function messageModal(title: string, text: string, locale: Locale): ModalView {
  return {
    type: 'modal',
    title: plain(title, LIMITS.title),
    close: plain(translate(locale, 'common.cancel'), LIMITS.title),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(markupToMrkdwn(text), LIMITS.section) } }],
  };
}

const optionSchema = z.object({ value: z.string() });
const stateValueSchema = z.looseObject({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: optionSchema.nullish(),
  selected_options: z.array(optionSchema).nullish(),
});
export const viewStateSchema = z.record(z.string(), z.record(z.string(), stateValueSchema));

/** What was entered in the modal, as the platform collected it: text, the ids picked, a ticked consent. */
export function readViewState(form: FormSpec, state: unknown): RawFormValues {
  const parsed = viewStateSchema.safeParse(state);
  if (!parsed.success) return {};
  const values: Record<string, RawFormValue> = {};
  for (const field of form.fields) {
    const entry = parsed.data[field.key]?.[FIELD_ACTION_ID];
    if (!entry) continue;
    if (field.kind === 'consent') values[field.key] = (entry.selected_options ?? []).length > 0;
    else if (entry.type === 'multi_static_select') values[field.key] = (entry.selected_options ?? []).map((option) => option.value);
    else if (entry.type === 'static_select') {
      if (entry.selected_option) values[field.key] = entry.selected_option.value;
    } else if (entry.value) values[field.key] = entry.value;
  }
  return values;
}
