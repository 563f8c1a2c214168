import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import type { Choice, Programme } from '../programme/programme-schema';
import type { ScoreTerm } from './compatibility';
import type { EarlierPair } from './earlier-pairs';
import type { ProposedPair, UnmatchedMentee, UnmatchedReason } from './proposal';

/** Names people see for ids (field, topic, language, region): the programme's labels, else the id. */
function labels(list: readonly Choice[], ids: readonly string[], locale: Locale): string {
  return ids.map((id) => list.find((choice) => choice.id === id)?.label[locale] ?? id).join(', ');
}

function describeTerm(term: ScoreTerm, programme: Programme, locale: Locale): string {
  switch (term.kind) {
    case 'shared-fields':
      return translate(locale, 'match.reason.sharedFields', {
        count: term.items.length,
        items: labels(programme.lists.fields, term.items, locale),
      });
    case 'wished-sector':
      return term.wished
        ? translate(locale, 'match.reason.wishedSector', {
            wished: translate(locale, `wishedSector.${term.wished}`),
            sector: programme.sectors[term.sector][locale],
          })
        : translate(locale, 'match.reason.mentorSector', { sector: programme.sectors[term.sector][locale] });
    case 'offered-topics':
      return translate(locale, 'match.reason.offeredTopics', {
        count: term.items.length,
        items: labels(programme.lists.topics, term.items, locale),
      });
    case 'same-region':
      return translate(locale, 'match.reason.sameRegion', { region: labels(programme.lists.regions, [term.region], locale) });
    case 'compatible-format':
      return translate(locale, 'match.reason.compatibleFormat');
    case 'first-in-line':
      return translate(locale, 'match.reason.firstInLine');
  }
}

/** Why this pair, in words: every term that scored, then the shared language. */
export function pairReasons(
  pair: Pick<ProposedPair, 'terms' | 'languages' | 'pinned'> & { readonly earlier?: EarlierPair },
  programme: Programme,
  locale: Locale,
): string[] {
  const reasons = pair.terms.map((term) => describeTerm(term, programme, locale));
  if (pair.earlier)
    reasons.unshift(
      translate(locale, pair.earlier.bothAsked ? 'match.reason.askedAgain' : 'match.reason.pairedBefore', { cycle: pair.earlier.cycle }),
    );
  if (pair.languages.length > 0) reasons.push(translate(locale, 'match.reason.languages', { items: pair.languages.join(', ') }));
  if (pair.pinned) reasons.push(translate(locale, 'match.reason.pinned'));
  return reasons;
}

/** Coordinators read counts; the mentoré reads what it means for them, without anyone's name or number. */
export type ReasonReader = 'coordinator' | 'mentee';

function describeUnmatchedReason(reason: UnmatchedReason, locale: Locale, reader: ReasonReader): string {
  const prefix = reader === 'coordinator' ? 'match.unmatched' : 'match.notice';
  switch (reason.kind) {
    case 'no-mentor':
      return translate(locale, `${prefix}.noMentor`);
    case 'compatible-mentors-full':
      return translate(locale, `${prefix}.full`, { count: reason.mentors });
    case 'blocked':
      return translate(locale, `${prefix}.${reason.because}`, { count: reason.mentors });
  }
}

/** Why this mentoré has nobody, in words. */
export function unmatchedReasons(unmatched: UnmatchedMentee, locale: Locale, reader: ReasonReader = 'coordinator'): string[] {
  return unmatched.reasons.map((reason) => describeUnmatchedReason(reason, locale, reader));
}
