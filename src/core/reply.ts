import type { FieldError } from './forms/field-error';
import type { FormSpec, FormValues } from './forms/form-types';

/**
 * Text uses a small neutral markup that each adapter formats for its platform:
 * `**bold**`, `_italic_`, `` `code` ``, `[label](https://…)`, lines starting with `- ` or `1. `,
 * `<@userId>` (see `mention`) and `<#spaceId|name>` (see `spaceMention`);
 * a backslash makes the next character literal (see `literal`).
 */
export type MarkupText = string;

/**
 * Text a person typed, made literal inside markup: a backslash makes the next character plain,
 * so a name like "**Bob**" or "[clic](https://…)" shows exactly as typed on every platform.
 * Mentions are the adapters' part: they send with mentions disabled (`@everyone` stays text).
 */
export function literal(text: string): MarkupText {
  return text.replace(/[\\*_`[\]<>]/g, (character) => `\\${character}`);
}

/**
 * A person, shown the platform's way: Discord and Slack show their name and let it be clicked
 * (Discord without notifying them; Slack notifies a person mentioned in a message they can see,
 * which in a DM or their binôme's space is the point), the terminal prints `@id`. Only code builds
 * one: `literal` escapes the `<` of anything typed, so a typed `<@id>` stays text.
 */
export function mention(userId: string): MarkupText {
  return `<@${userId}>`;
}

/** A private space, as a link where the platform has one (`<#id>`), else its name. */
export function spaceMention(space: { readonly id: string; readonly name: string }): MarkupText {
  return `<#${space.id}|${space.name}>`;
}

export type ButtonStyle = 'primary' | 'secondary' | 'danger';

/** A button names an action of the command that showed it; the dispatcher adds who may press it. */
export interface Button {
  readonly action: string;
  readonly label: string;
  readonly style: ButtonStyle;
  readonly args: readonly string[];
  /**
   * The command whose action this is, for a button on a message the bot sends by itself (a DM, a
   * post in a space) rather than in answer to a command; such a button without it is not shown.
   */
  readonly command?: string;
}

/**
 * A file sent with a message; a platform that cannot attach files to a private answer (Slack) sends it by DM.
 * `content` is text (CSV, JSON: sent as UTF-8) or bytes (a PNG chart), sent unchanged.
 */
export interface Attachment {
  readonly name: string;
  readonly mimeType: string;
  readonly content: string | Uint8Array;
  /** For an image: its size in pixels, which the terminal, unable to show it, prints instead. */
  readonly image?: { readonly width: number; readonly height: number };
}

/** A text attachment's text (bytes read as UTF-8): what the terminal prints and tests read. */
export function attachmentText(file: Attachment): string {
  return typeof file.content === 'string' ? file.content : new TextDecoder().decode(file.content);
}

/** The bytes to send: text as UTF-8, bytes as they are. */
export function attachmentBytes(file: Attachment): Uint8Array {
  return typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content;
}

export interface OutgoingMessage {
  readonly text: MarkupText;
  readonly buttons?: readonly Button[];
  readonly attachments?: readonly Attachment[];
}

/**
 * What answers the person who acted, always privately: messages, a form to open, or a form
 * refused with its field errors. Use cases answer with `OutgoingMessage`s; the dispatcher hands
 * adapters the same shape with messages cut to size and buttons given their platform ids.
 */
export type ReplyOf<Message> =
  | { readonly kind: 'messages'; readonly messages: readonly Message[]; readonly replacesOriginal?: boolean }
  | { readonly kind: 'form'; readonly form: FormSpec; readonly initial: FormValues }
  | {
      readonly kind: 'form-rejected';
      readonly form: FormSpec;
      readonly errors: readonly FieldError[];
      /** What was submitted, so a platform can reopen the form filled in rather than empty. */
      readonly values: FormValues;
      readonly messages: readonly Message[];
    };

export type Reply = ReplyOf<OutgoingMessage>;

export function messages(...items: (OutgoingMessage | MarkupText)[]): Reply {
  return { kind: 'messages', messages: items.map((item) => (typeof item === 'string' ? { text: item } : item)) };
}
