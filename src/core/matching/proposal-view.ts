import { csvCell } from '../csv-cell';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { personLabel } from '../people';
import type { Programme } from '../programme/programme-schema';
import { literal, type MarkupText, mention } from '../reply';
import { pairReasons, unmatchedReasons } from './explain';
import type { StoredProposal } from './matching-state';

/** Pairs listed in chat; the attached CSV holds them all (a 200-pair proposal would fill a dozen messages). */
export const PAIRS_LISTED_IN_CHAT = 25;

type Names = ReadonlyMap<string, string>;

function nameOf(id: string, names: Names): string {
  return literal(names.get(id) ?? id);
}

export function proposalLines(proposal: StoredProposal, names: Names, programme: Programme, locale: Locale): MarkupText[] {
  const separator = translate(locale, 'list.separator');
  const mentees = proposal.pairs.length + proposal.unmatched.length;
  const total = proposal.pairs.reduce((sum, pair) => sum + pair.score, 0);
  const lines = [translate(locale, 'propose.title', { matched: proposal.pairs.length, mentees, total })];
  for (const pair of proposal.pairs.slice(0, PAIRS_LISTED_IN_CHAT)) {
    lines.push(
      translate(locale, 'propose.pair', {
        mentee: nameOf(pair.mentee, names),
        mentor: nameOf(pair.mentor, names),
        score: pair.score,
        reasons: pairReasons(pair, programme, locale).join(separator),
        referent: pair.referent
          ? translate(locale, 'propose.referent', { name: mention(pair.referent) })
          : translate(locale, 'propose.noReferent'),
      }),
    );
  }
  if (proposal.pairs.length > PAIRS_LISTED_IN_CHAT) {
    lines.push(translate(locale, 'propose.morePairs', { count: proposal.pairs.length - PAIRS_LISTED_IN_CHAT }));
  }
  if (proposal.unmatched.length > 0) {
    lines.push('', translate(locale, 'propose.unmatchedTitle', { count: proposal.unmatched.length }));
    for (const item of proposal.unmatched) {
      lines.push(
        translate(locale, 'propose.unmatched', {
          mentee: nameOf(item.mentee, names),
          reasons: unmatchedReasons(item, locale).join(separator),
        }),
      );
    }
  }
  return lines;
}

/** Every pair and every mentoré left out, for a spreadsheet: the same reasons as in chat. */
export function proposalCsv(proposal: StoredProposal, names: Names, programme: Programme, locale: Locale): string {
  const header = ['mentee_id', 'mentee', 'mentor_id', 'mentor', 'score', 'referent_id', 'pinned', 'reasons'];
  const separator = translate(locale, 'list.separator');
  const rows = [
    ...proposal.pairs.map((pair) => [
      pair.mentee,
      names.get(pair.mentee) ?? '',
      pair.mentor,
      names.get(pair.mentor) ?? '',
      pair.score,
      pair.referent ?? '',
      pair.pinned ? 'yes' : 'no',
      pairReasons(pair, programme, locale).join(separator),
    ]),
    ...proposal.unmatched.map((item) => [
      item.mentee,
      names.get(item.mentee) ?? '',
      '',
      '',
      '',
      '',
      '',
      unmatchedReasons(item, locale).join(separator),
    ]),
  ];
  return `${[header.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\n')}\n`;
}

/** A pair as coordinators name it in messages: "Dan Leroy (@dan) ↔ Erin Roux (@erin)". */
export function pairLabel(pair: { readonly mentee: string; readonly mentor: string }, names: Names): MarkupText {
  return `${personLabel(pair.mentee, names)} ↔ ${personLabel(pair.mentor, names)}`;
}
