import type { Binome } from '../binomes/binome';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import type { Programme } from '../programme/programme-schema';
import { type Button, type MarkupText, mention, type OutgoingMessage } from '../reply';
import type { CheckInAnswer } from './check-in';

/** The command whose shared actions answer a check-in (commands/mentorat/binome.ts). */
export const CHECK_IN_COMMAND = 'mentorat.binome';

/** Button actions, one per answer; the answer stored is the action's. */
export const CHECK_IN_ACTIONS = { met: 'met', 'not-yet': 'not-yet', help: 'help' } as const satisfies Record<CheckInAnswer, string>;

const BUTTON_LABEL = { met: 'checkIn.button.met', 'not-yet': 'checkIn.button.notYet', help: 'checkIn.button.help' } as const;

/**
 * The languages a binôme's space is written in, as its welcome message is: each of its people's,
 * the community's default first (one language when they all read the same).
 */
export function spaceLocales(programme: Programme, locales: readonly Locale[]): Locale[] {
  const wanted = [...new Set(locales)].sort((a, b) => (a === programme.defaultLocale ? -1 : b === programme.defaultLocale ? 1 : 0));
  return wanted.length > 0 ? wanted : [programme.defaultLocale];
}

/** The three answers as buttons: one label per language of the space, since the post is read by all. */
export function checkInButtons(binomeId: string, round: number, locales: readonly Locale[]): Button[] {
  const answers: CheckInAnswer[] = ['met', 'not-yet', 'help'];
  return answers.map((answer) => ({
    action: CHECK_IN_ACTIONS[answer],
    label: locales.map((locale) => translate(locale, BUTTON_LABEL[answer])).join(' / '),
    style: answer === 'met' ? 'primary' : answer === 'help' ? 'danger' : 'secondary',
    args: [binomeId, String(round)],
    command: CHECK_IN_COMMAND,
  }));
}

/** Round N in the binôme's space, asking the members who are not paused. */
export function checkInPost(binome: Binome, round: number, asked: readonly string[], locales: readonly Locale[]): OutgoingMessage {
  const people = asked.map(mention).join(', ');
  const text = locales
    .map((locale) =>
      [translate(locale, 'checkIn.post.title', { round }), translate(locale, 'checkIn.post.question', { people })].join('\n\n'),
    )
    .join('\n\n———\n\n');
  return { text, buttons: checkInButtons(binome.id, round, locales) };
}

/** What the référent (or the coordinators) read: which binôme, what the last rounds showed, what they could do. */
export function alertText(
  binome: Binome,
  seen: { readonly count: number; readonly notYet: number; readonly silent: number },
  locale: Locale,
  toCoordinators: boolean,
): MarkupText {
  return [
    translate(locale, 'checkIn.alert.title'),
    translate(locale, 'checkIn.alert.seen', {
      mentee: mention(binome.mentee),
      mentor: mention(binome.mentor),
      count: seen.count,
      notYet: seen.notYet,
      silent: seen.silent,
      both: seen.notYet > 0 && seen.silent > 0 ? 'yes' : 'no',
    }),
    translate(locale, 'checkIn.alert.todo'),
    ...(toCoordinators ? [translate(locale, 'checkIn.alert.noReferent')] : []),
  ].join('\n\n');
}

/** Told privately to a member paused for leaving check-ins unanswered: why, and how to come back. */
export function silencePauseText(partner: string, count: number, locale: Locale): MarkupText {
  return [translate(locale, 'checkIn.paused.dm', { count, partner: mention(partner) }), translate(locale, 'checkIn.paused.resume')].join(
    '\n\n',
  );
}
