import type { FieldError } from './forms/field-error';
import type { FormSpec, FormValues } from './forms/form-types';

/**
 * Text uses a small neutral markup that each adapter formats for its platform:
 * `**bold**`, `_italic_`, `` `code` ``, `[label](https://…)`, lines starting with `- ` or `1. `;
 * a backslash makes the next character literal (see `literal`).
 */
export type MarkupText = string;

/**
 * Text a person typed, made literal inside markup: a backslash makes the next character plain,
 * so a name like "**Bob**" or "[clic](https://…)" shows exactly as typed on every platform.
 */
export function literal(text: string): MarkupText {
  return text.replace(/[\\*_`[\]<>]/g, (character) => `\\${character}`);
}

export type ButtonStyle = 'primary' | 'secondary' | 'danger';

/** A button names an action of the command that showed it; the dispatcher adds who may press it. */
export interface Button {
  readonly action: string;
  readonly label: string;
  readonly style: ButtonStyle;
  readonly args: readonly string[];
}

export interface Attachment {
  readonly name: string;
  readonly mimeType: string;
  readonly content: string;
}

export interface OutgoingMessage {
  readonly text: MarkupText;
  readonly buttons?: readonly Button[];
  readonly attachments?: readonly Attachment[];
}

/** What a use case answers to the person who acted; always private to them. */
export type Reply =
  | { readonly kind: 'messages'; readonly messages: readonly OutgoingMessage[]; readonly replacesOriginal?: boolean }
  | { readonly kind: 'form'; readonly form: FormSpec; readonly initial: FormValues }
  | {
      readonly kind: 'form-rejected';
      readonly form: FormSpec;
      readonly errors: readonly FieldError[];
      readonly messages: readonly OutgoingMessage[];
    };

export function messages(...items: (OutgoingMessage | MarkupText)[]): Reply {
  return { kind: 'messages', messages: items.map((item) => (typeof item === 'string' ? { text: item } : item)) };
}
