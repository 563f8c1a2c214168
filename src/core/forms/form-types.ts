import type { LocalizedText } from '../i18n/locale';

/** A field is shown only when another field's value is one of these (e.g. capacity for mentors). */
export interface FieldCondition {
  readonly field: string;
  readonly in: readonly string[];
}

interface FieldBase {
  /** Stable key: the `key:value` option in the terminal, the Discord/Slack input id. */
  readonly key: string;
  /** At most 45 characters in each language: the Discord modal limit. */
  readonly label: LocalizedText;
  /**
   * The field named as a noun, where a question would not read (a summary's "Capacity: 2", a
   * refusal's line); the label when absent.
   */
  readonly name?: LocalizedText;
  /** At most 100 characters: it becomes a Discord placeholder. */
  readonly hint?: LocalizedText;
  /** A longer text to read before answering (the data notice), shown where the platform has room. */
  readonly details?: LocalizedText;
  readonly required: boolean;
  readonly when?: FieldCondition;
}

/** What a summary or a refusal calls a field: its noun when it has one, else its label. */
export function fieldName(field: { readonly label: LocalizedText; readonly name?: LocalizedText }, locale: keyof LocalizedText): string {
  return (field.name ?? field.label)[locale];
}

export interface FieldChoice {
  readonly value: string;
  readonly label: LocalizedText;
}

export interface TextField extends FieldBase {
  readonly kind: 'text';
  readonly minLength: number;
  readonly maxLength: number;
  readonly multiline: boolean;
}

/** A calendar date, entered as YYYY-MM-DD (or DD/MM/YYYY) and stored as YYYY-MM-DD. */
export interface DateField extends FieldBase {
  readonly kind: 'date';
}

export interface IntegerField extends FieldBase {
  readonly kind: 'integer';
  readonly min: number;
  readonly max: number;
}

export interface ChoiceField extends FieldBase {
  readonly kind: 'choice';
  readonly choices: readonly FieldChoice[];
}

export interface MultiChoiceField extends FieldBase {
  readonly kind: 'multi-choice';
  readonly choices: readonly FieldChoice[];
  readonly minItems: number;
  readonly maxItems: number;
}

/** Free items (names of people), separated by `;` when typed. */
export interface ListField extends FieldBase {
  readonly kind: 'list';
  readonly maxItems: number;
  readonly itemMaxLength: number;
}

/** A statement the person must accept; `required` consents refuse the form when declined. */
export interface ConsentField extends FieldBase {
  readonly kind: 'consent';
  readonly statement: LocalizedText;
}

export type FormField = TextField | DateField | IntegerField | ChoiceField | MultiChoiceField | ListField | ConsentField;

export interface FormSpec {
  /** The command that receives the submission. */
  readonly id: string;
  /** At most 24 characters in each language: the Slack modal title limit. */
  readonly title: LocalizedText;
  readonly fields: readonly FormField[];
}

export type FormValue = string | number | boolean | readonly string[];
export type FormValues = Readonly<Record<string, FormValue | undefined>>;

/** What a platform collected before parsing: typed text, or the ids picked in a select menu. */
export type RawFormValue = string | readonly string[] | boolean;
export type RawFormValues = Readonly<Record<string, RawFormValue | undefined>>;
