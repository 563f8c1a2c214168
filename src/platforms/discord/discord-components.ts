import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIModalInteractionResponseCallbackData,
  type APISelectMenuOption,
  type APIStringSelectComponent,
  type APITextInputComponent,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
} from 'discord.js';
import type { FormField, RawFormValue } from '../../core/forms/form-types';
import type { Locale } from '../../core/i18n/locale';
import type { ButtonStyle as NeutralButtonStyle } from '../../core/reply';
import type { DeliveredButton } from '../../dispatch/dispatcher';

export type MessageRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Discord's limits on what a message or a modal may carry. */
export const DISCORD_LIMITS = {
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionLabel: 100,
  placeholder: 150,
  inputPlaceholder: 100,
  inputLabel: 45,
  inputValue: 4000,
  modalTitle: 45,
} as const;

const STYLES: Record<NeutralButtonStyle, ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  danger: ButtonStyle.Danger,
};

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function button(customId: string, label: string, style: NeutralButtonStyle): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customId, label: clip(label, DISCORD_LIMITS.buttonLabel), style: STYLES[style] };
}

/** Buttons five to a row; a message never needs more than the five rows Discord allows. */
export function buttonRows(buttons: readonly DeliveredButton[]): MessageRow[] {
  const rows: MessageRow[] = [];
  for (let index = 0; index < buttons.length && rows.length < DISCORD_LIMITS.rowsPerMessage; index += DISCORD_LIMITS.buttonsPerRow) {
    const slice = buttons.slice(index, index + DISCORD_LIMITS.buttonsPerRow);
    rows.push({ type: ComponentType.ActionRow, components: slice.map((item) => button(item.id, item.label, item.style)) });
  }
  return rows;
}

export interface SelectLabels {
  readonly optional: string;
  readonly accept: string;
  readonly decline: string;
}

function selectOptions(field: FormField, value: RawFormValue | undefined, locale: Locale, labels: SelectLabels): APISelectMenuOption[] {
  if (field.kind === 'consent') {
    return [
      { label: labels.accept, value: 'yes', default: value === true },
      { label: labels.decline, value: 'no', default: value === false },
    ];
  }
  if (field.kind !== 'choice' && field.kind !== 'multi-choice') return [];
  const chosen = new Set(Array.isArray(value) ? value : typeof value === 'string' ? [value] : []);
  return field.choices.slice(0, DISCORD_LIMITS.selectOptions).map((choice) => ({
    label: clip(choice.label[locale], DISCORD_LIMITS.selectOptionLabel),
    value: choice.value,
    default: chosen.has(choice.value),
  }));
}

/** One select menu per choice field; the placeholder names the field, since a menu has no label. */
export function selectMenu(
  customId: string,
  field: FormField,
  value: RawFormValue | undefined,
  locale: Locale,
  labels: SelectLabels,
): APIStringSelectComponent {
  const options = selectOptions(field, value, locale, labels);
  const multiple = field.kind === 'multi-choice';
  const placeholder = field.required ? field.label[locale] : `${field.label[locale]} (${labels.optional})`;
  return {
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: clip(placeholder, DISCORD_LIMITS.placeholder),
    options,
    min_values: multiple && field.required ? field.minItems : 0,
    max_values: multiple ? Math.min(field.maxItems, options.length) : 1,
  };
}

/** What a text input shows already: what was typed before, lists one item per `;`. */
export function inputValue(value: RawFormValue | undefined): string | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const text = typeof value === 'string' ? value : value.join('; ');
  return text === '' ? undefined : clip(text, DISCORD_LIMITS.inputValue);
}

function inputLimits(field: FormField): Pick<APITextInputComponent, 'min_length' | 'max_length' | 'style'> {
  switch (field.kind) {
    case 'text':
      return {
        style: field.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
        ...(field.minLength > 0 ? { min_length: field.minLength } : {}),
        max_length: Math.min(field.maxLength, DISCORD_LIMITS.inputValue),
      };
    case 'list':
      return {
        style: TextInputStyle.Paragraph,
        max_length: Math.min(field.maxItems * (field.itemMaxLength + 2), DISCORD_LIMITS.inputValue),
      };
    case 'date':
      return { style: TextInputStyle.Short, max_length: 10 };
    case 'integer':
      return { style: TextInputStyle.Short, max_length: 12 };
    default:
      return { style: TextInputStyle.Short };
  }
}

export function textInput(field: FormField, value: RawFormValue | undefined, locale: Locale): APITextInputComponent {
  const prefilled = inputValue(value);
  const hint = field.hint?.[locale];
  return {
    type: ComponentType.TextInput,
    custom_id: field.key,
    label: clip(field.label[locale], DISCORD_LIMITS.inputLabel),
    required: field.required,
    ...inputLimits(field),
    ...(hint ? { placeholder: clip(hint, DISCORD_LIMITS.inputPlaceholder) } : {}),
    ...(prefilled === undefined ? {} : { value: prefilled }),
  };
}

export function modal(customId: string, title: string, inputs: readonly APITextInputComponent[]): APIModalInteractionResponseCallbackData {
  return {
    custom_id: customId,
    title: clip(title, DISCORD_LIMITS.modalTitle),
    components: inputs.map((input) => ({ type: ComponentType.ActionRow, components: [input] })),
  };
}
