import { foldForMatching } from '../forms/raw-input';
import type { Enrolment } from '../participants/enrolment';
import type { MatchingInput, MenteeCandidate, MentorCandidate } from './candidates';

export interface MatchingPeople {
  readonly input: MatchingInput;
  /** Names to show, by participant id. */
  readonly names: ReadonlyMap<string, string>;
}

/**
 * The active enrolments as the matcher's candidates. The form asks mentorés for the names of
 * people to avoid; a name that is an enrolled mentor's (or their id) becomes that mentor, any
 * other name is someone the matcher could never propose anyway. Mentorés in `firstInLine` (back
 * on the waiting list after a binôme that did not fit) are matched before others competing for a place.
 */
export function candidatesFrom(enrolments: readonly Enrolment[], firstInLine: ReadonlySet<string> = new Set()): MatchingPeople {
  const active = enrolments.filter((enrolment) => enrolment.status === 'active');
  const names = new Map(active.map((enrolment) => [enrolment.participant.userId, enrolment.profile.name]));
  const mentors: MentorCandidate[] = [];
  // Two mentors may share a name: a mentoré who names it avoids both.
  const mentorByName = new Map<string, string[]>();
  for (const { participant, profile } of active) {
    if (profile.role !== 'mentor') continue;
    mentors.push({
      id: participant.userId,
      capacity: profile.capacity,
      languages: profile.languages,
      fields: profile.fields,
      sector: profile.sector,
      affiliation: profile.affiliation,
      format: profile.format,
      region: profile.region,
      offers: profile.offers,
    });
    const folded = foldForMatching(profile.name);
    mentorByName.set(folded, [...(mentorByName.get(folded) ?? []), participant.userId]);
  }
  const mentorIds = new Set(mentors.map((mentor) => mentor.id));
  const mentees: MenteeCandidate[] = [];
  for (const { participant, profile } of active) {
    if (profile.role !== 'mentee') continue;
    mentees.push({
      id: participant.userId,
      languages: profile.languages,
      fields: profile.fields,
      wishedSector: profile.wishedSector,
      affiliation: profile.affiliation,
      format: profile.format,
      region: profile.region,
      expectations: profile.expectations,
      excluded: profile.excluded.flatMap((entry) => {
        if (mentorIds.has(entry)) return [entry];
        return mentorByName.get(foldForMatching(entry)) ?? [];
      }),
      ...(firstInLine.has(participant.userId) ? { firstInLine: true } : {}),
    });
  }
  return { input: { mentors, mentees, pins: [], forbids: [] }, names };
}
