import type { Locale } from '../../src/core/i18n/locale';
import { type MessageKey, type MessageParams, translateUnchecked } from '../../src/core/i18n/translate';
import { parseDuration } from '../../src/infra/duration';

/** Where a person sees something: privately in answer, by DM, in a private space, or as a file. */
export type Via = 'ephemeral' | 'dm' | 'space' | 'file' | 'form';

/** One thing a person must (or must not) see after a step. */
export interface Expectation {
  readonly to: string;
  readonly via: Via;
  /** Fragments that must all appear in one delivery (markup ignored). */
  readonly says?: readonly string[];
  /** Fragments that must appear in none of this person's deliveries of the step. */
  readonly saysNot?: readonly string[];
}

export type Action =
  /**
   * A command by its stable id, with its options and its form filled as a person would type them;
   * a person option written `@name` names a person of the scenario, whom each driver mentions its platform's way.
   */
  | { readonly command: string; readonly options?: Readonly<Record<string, string>>; readonly form?: Readonly<Record<string, string>> }
  /** A button, by action name, among those last shown to the actor. */
  | { readonly press: string; readonly form?: Readonly<Record<string, string>> }
  /** The bot stops and starts again on the same data (and, on Discord and Slack, the same server), at the time the clock had reached. */
  | { readonly restart: true }
  /**
   * Time passes: the bot's clock moves forward by this duration (`2w`, `14d`, `73h`, `1d12h`; see
   * `parseDuration`) and whatever became due runs. The step's `expect` names who receives something
   * as a result; its actor types nothing (the terminal's `/wait` is typed by whoever is at the keyboard).
   */
  | { readonly wait: string };

/**
 * Where every driver's clock starts: a Monday morning, UTC. The terminal runs with MENTORAT_NOW set
 * to it (plus the time waited, after a restart); Discord and Slack on a test clock set to it.
 */
export const SCENARIO_START = '2026-09-07T08:00:00Z';

/** A wait step's duration in milliseconds; a scenario with a malformed one is a mistake, not a step to skip. */
export function waitedMs(duration: string): number {
  const ms = parseDuration(duration);
  if (ms === undefined) throw new Error(`a wait step needs a duration such as 2w, 14d or 73h, not "${duration}"`);
  return ms;
}

export interface Step {
  readonly actor: string;
  readonly action: Action;
  readonly expect: readonly Expectation[];
}

/**
 * A binôme's private space as the scenario ends, by its name: who can still read it, and who can
 * still write in it (nobody once it is archived). Someone who left it is in neither.
 */
export interface SpaceAtEnd {
  readonly name: string;
  readonly readers: readonly string[];
  readonly writers: readonly string[];
}

/** Platform-neutral: who types what, who must receive what. Each driver replays it on its platform. */
export interface Scenario {
  readonly name: string;
  readonly steps: readonly Step[];
  /** What some spaces look like once every step has run (what deliveries cannot show: an archive). */
  readonly spacesAtEnd?: readonly SpaceAtEnd[];
}

/** A driver's view of the spaces at the end, handed to whoever asked for it. */
export type SpacesAtEndListener = (spaces: readonly SpaceAtEnd[]) => void;

/** What a driver observed for one step. */
export interface Delivery {
  readonly to: string;
  readonly via: Via;
  readonly text: string;
}

export type ScenarioFactory = (locale: Locale) => Scenario;

/**
 * A catalogue message as a fragment to look for: its longest stretch without a placeholder, so
 * expectations follow the catalogue instead of copying it (and a message that starts with one,
 * "{person} is now…", is still looked for by its words).
 */
export function says(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = translateUnchecked(locale, key, params);
  const pieces = text.split(/\{\w+\}/).map((piece) => piece.trim());
  return pieces.reduce((longest, piece) => (piece.length > longest.length ? piece : longest), '');
}

/** Markup differs per platform (`**`, `*`, backticks): compare words only. */
export function plain(text: string): string {
  return text.replace(/[*`_]/g, '').replace(/\s+/g, ' ').trim();
}
