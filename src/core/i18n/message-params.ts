import type { LocalizedText } from './locale';

/**
 * The parameters of an ICU message, read from its text by the type checker, so that
 * `translate(locale, key, params)` with a missing or misnamed parameter does not compile.
 *
 * It walks the text brace by brace with a stack: in message text, `{` opens an argument
 * (`{name}`, or `{name, plural|selectordinal|select|number, …}`); inside a plural or select,
 * `{` opens a branch, which is message text again. Quoting (`'{'`) is not read: the catalogues
 * never quote a brace (a test parses every message with the real parser).
 */

/** A simple argument: text, a number, or a text in every language (each reader gets theirs). */
export type ArgumentValue = string | number | LocalizedText;

type Mode = 'text' | 'options';

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;

/** The next brace, opening or closing, and what follows it. */
type NextBrace<S extends string> = S extends `${infer Before}{${infer After}`
  ? Before extends `${string}}${infer Rest}`
    ? ['}', `${Rest}{${After}`]
    : ['{', After]
  : S extends `${string}}${infer Rest}`
    ? ['}', Rest]
    : ['end'];

type IsName<S extends string> = S extends '' ? false : S extends `${string}${' ' | '{' | '}' | ',' | '#'}${string}` ? false : true;

type Pop<Stack extends readonly Mode[]> = Stack extends readonly [...infer Rest extends Mode[], Mode] ? Rest : [];
type Top<Stack extends readonly Mode[]> = Stack extends readonly [...Mode[], infer Last] ? Last : 'text';

/** The value an argument of this format takes. */
type FormatValue<Format extends string> = Format extends 'plural' | 'selectordinal' | 'number'
  ? number
  : Format extends 'select'
    ? string
    : Format extends 'date' | 'time'
      ? Date | number
      : ArgumentValue;

/** An argument opened in text: `{name}` or `{name, format…`. */
type ReadArgument<Body extends string, Stack extends readonly Mode[], Acc> = Body extends `${infer Head},${infer Rest}`
  ? IsName<Trim<Head>> extends true
    ? Trim<Rest> extends `${infer Format},${infer Options}`
      ? Trim<Format> extends 'plural' | 'selectordinal' | 'select'
        ? Scan<Options, [...Stack, 'options'], Acc & { [K in Trim<Head>]: FormatValue<Trim<Format>> }>
        : SimpleArgument<Body, Stack, Acc>
      : Trim<Rest> extends `${infer Format}}${infer After}`
        ? Scan<After, Stack, Acc & { [K in Trim<Head>]: FormatValue<Trim<Format>> }>
        : SimpleArgument<Body, Stack, Acc>
    : SimpleArgument<Body, Stack, Acc>
  : SimpleArgument<Body, Stack, Acc>;

type SimpleArgument<Body extends string, Stack extends readonly Mode[], Acc> = Body extends `${infer Name}}${infer After}`
  ? IsName<Trim<Name>> extends true
    ? Scan<After, Stack, Acc & { [K in Trim<Name>]: ArgumentValue }>
    : Scan<Body, Stack, Acc>
  : Acc;

type Scan<S extends string, Stack extends readonly Mode[], Acc> =
  NextBrace<S> extends ['{', infer After extends string]
    ? Top<Stack> extends 'options'
      ? Scan<After, [...Stack, 'text'], Acc>
      : ReadArgument<After, Stack, Acc>
    : NextBrace<S> extends ['}', infer After extends string]
      ? Scan<After, Pop<Stack> extends [] ? ['text'] : Pop<Stack>, Acc>
      : Acc;

type Simplify<T> = { [K in keyof T]: T[K] };

/** The parameters the ICU message `Text` needs, by name. */
export type ParamsOfText<Text extends string> = string extends Text
  ? Record<string, ArgumentValue>
  : Simplify<Scan<Text, ['text'], unknown>>;
