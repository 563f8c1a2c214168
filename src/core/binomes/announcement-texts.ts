import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { unmatchedReasons } from '../matching/explain';
import { pairLabel } from '../matching/proposal-view';
import { personLabel } from '../people';
import { programmeText } from '../programme/content';
import type { Programme } from '../programme/programme-schema';
import { literal, type MarkupText, mention, spaceMention } from '../reply';
import type { AnnouncedSpace } from './announcement-log';
import type { Binome } from './binome';
import type { WaitlistEntry } from './waitlist';

type Names = ReadonlyMap<string, string>;

/** Names, and each person's "a word about you" as they typed it, by user id. */
export interface People {
  readonly names: Names;
  readonly abouts: Names;
}

/** What the person wrote about themself, quoted under their name, as typed. */
function aboutOf(userId: string, people: People): string {
  const about = people.abouts.get(userId)?.trim();
  if (!about) return '';
  return `\n${about
    .split(/\r?\n/)
    .map((line) => `> ${literal(line)}`)
    .join('\n')}`;
}

function whoIsWho(binome: Binome, people: People, locale: Locale): string[] {
  const { names } = people;
  return [
    translate(locale, 'announce.who.mentee', { person: personLabel(binome.mentee, names) }) + aboutOf(binome.mentee, people),
    translate(locale, 'announce.who.mentor', { person: personLabel(binome.mentor, names) }) + aboutOf(binome.mentor, people),
    binome.referent
      ? translate(locale, 'announce.who.referent', { person: mention(binome.referent) })
      : translate(locale, 'announce.who.noReferent'),
  ];
}

function welcomeIn(binome: Binome, people: People, programme: Programme, locale: Locale): MarkupText {
  const pillars = programme.pillars.map((pillar) => `- **${pillar.title[locale]}**`);
  return [
    translate(locale, 'announce.welcome.title'),
    translate(locale, binome.referent ? 'announce.welcome.private' : 'announce.welcome.privatePair'),
    whoIsWho(binome, people, locale).join('\n'),
    `${translate(locale, 'announce.welcome.pillars')}\n${pillars.join('\n')}`,
    ...(binome.referent
      ? [`${translate(locale, 'announce.welcome.referentRole')}\n${programmeText(programme.texts.actors.referent, programme, locale)}`]
      : []),
    `${translate(locale, 'announce.welcome.firstSteps')}\n${programmeText(programme.texts.firstSteps, programme, locale)}`,
    translate(locale, 'announce.welcome.reporting'),
  ].join('\n\n');
}

/**
 * The message that opens a binôme's space: who is who (with the word each wrote about themself,
 * which the enrolment form promises their binôme will read), the pillars, the référent's part, first
 * steps, how to raise a concern. The three may read different languages: then it is written in
 * each of theirs, the community's default first.
 */
export function welcomeMessage(binome: Binome, people: People, programme: Programme, locales: readonly Locale[]): MarkupText {
  const wanted = [...new Set(locales)].sort((a, b) => (a === programme.defaultLocale ? -1 : b === programme.defaultLocale ? 1 : 0));
  const languages = wanted.length > 0 ? wanted : [programme.defaultLocale];
  return languages.map((locale) => welcomeIn(binome, people, programme, locale)).join('\n\n———\n\n');
}

export type BinomeRole = 'mentee' | 'mentor' | 'referent';

/** The DM each of the three receives, in their own language, with the way to their space. */
export function pairingDirectMessage(
  binome: Binome,
  role: BinomeRole,
  space: AnnouncedSpace | undefined,
  names: Names,
  locale: Locale,
): MarkupText {
  const partner = role === 'mentee' ? binome.mentor : binome.mentee;
  const lead =
    role === 'referent'
      ? translate(locale, 'announce.dm.referent', { mentee: personLabel(binome.mentee, names), mentor: personLabel(binome.mentor, names) })
      : translate(locale, role === 'mentee' ? 'announce.dm.mentee' : 'announce.dm.mentor', { partner: personLabel(partner, names) });
  const where = space ? translate(locale, 'announce.dm.space', { space: spaceMention(space) }) : translate(locale, 'announce.dm.noSpace');
  const referent =
    role === 'referent'
      ? ''
      : binome.referent
        ? translate(locale, 'announce.dm.yourReferent', { person: mention(binome.referent) })
        : translate(locale, 'announce.who.noReferent');
  return [lead, where, referent, translate(locale, 'announce.dm.more')].filter(Boolean).join('\n\n');
}

/** What a mentoré left without a binôme reads: why, in their words, and what happens next. */
export function waitlistNotice(entry: WaitlistEntry, programme: Programme, locale: Locale): MarkupText {
  const reasons = unmatchedReasons({ mentee: entry.mentee, reasons: entry.reasons }, locale, 'mentee');
  return [
    translate(locale, 'announce.waitlist.title'),
    translate(locale, 'announce.waitlist.why', { reasons: reasons.join(translate(locale, 'list.separator')) }),
    programmeText(programme.texts.waitlist, programme, locale),
  ].join('\n\n');
}

/** Told privately to each of the three when a binôme ends. */
export function dissolvedMessage(
  binome: Binome,
  names: Names,
  locale: Locale,
  because: Binome['dissolvedBecause'],
  recipient?: string,
): MarkupText {
  const pair = pairLabel(binome, names);
  // The end of a cycle is a binôme that did its time: thanks, not "what next after a failure".
  // Only its members get the feedback form: the référent is thanked without being promised one.
  if (because === 'cycle-closed') {
    const member = recipient === undefined || recipient === binome.mentee || recipient === binome.mentor;
    return translate(locale, member ? 'binome.dissolved.cycleClosed' : 'binome.dissolved.cycleClosed.referent', { pair });
  }
  const key = because === 'coordinator' ? 'binome.dissolved.byCoordinator' : 'binome.dissolved.memberLeft';
  return [translate(locale, key, { pair }), translate(locale, 'binome.dissolved.next')].join('\n\n');
}
