import { isActiveBinome } from '../binomes/binome';
import type { UseCaseContext } from '../context';
import { currentCycle } from '../cycles/current-cycle';
import type { Cycle } from '../cycles/cycle';
import { UserError } from '../errors';
import { foldForMatching } from '../forms/raw-input';
import { formatDate } from '../i18n/format-date';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { namesOf, personLabel } from '../people';
import type { Programme } from '../programme/programme-schema';
import { literal, type MarkupText, mention, type Reply } from '../reply';
import { pairsCsv, waitlistCsv } from './pairs-csv';
import { type CycleFacts, cycleFacts, type PairFacts } from './pairs-facts';

/** Lines listed in chat per list; the CSVs hold them all (a 200-binôme cycle would fill a dozen messages). */
export const LISTED_IN_CHAT = 30;

type Names = ReadonlyMap<string, string>;

async function chosenCycle(ctx: UseCaseContext, typed: string | undefined): Promise<{ cycle: Cycle; current: boolean }> {
  const current = await currentCycle(ctx.ports, ctx.community);
  if (typed === undefined) return { cycle: current, current: true };
  const cycles = await ctx.ports.cycles.list(ctx.community);
  const cycle = cycles.find((candidate) => foldForMatching(candidate.name) === foldForMatching(typed));
  if (!cycle) {
    throw new UserError('pairs.unknownCycle', { name: literal(typed), names: cycles.map((known) => `\`${known.name}\``).join(', ') });
  }
  return { cycle, current: cycle.sequence === current.sequence };
}

function stateOf(pair: PairFacts, programme: Programme, locale: Locale): string {
  const { binome } = pair;
  if (isActiveBinome(binome)) return translate(locale, `pairs.health.${pair.health ?? 'on-track'}`);
  return translate(locale, 'pairs.ended', {
    date: binome.dissolvedAt ? formatDate(binome.dissolvedAt, locale, programme.timeZone) : '—',
    // ICU selectors take no dash: `cycle-closed` is read as `cycleClosed`; a reason added later reads "ended".
    because: (binome.dissolvedBecause ?? 'other').replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()),
  });
}

/** The counts behind an at-risk or needs-a-check-in health, so coordinators know where to look. */
function factsOf(pair: PairFacts, locale: Locale): string[] {
  if (!isActiveBinome(pair.binome)) return [];
  const facts: string[] = [];
  if (pair.pausedMembers > 0) facts.push(translate(locale, 'pairs.fact.paused', { count: pair.pausedMembers }));
  if (pair.openFitConcerns > 0) facts.push(translate(locale, 'pairs.fact.notAFit', { count: pair.openFitConcerns }));
  if (pair.openReports > 0) facts.push(translate(locale, 'pairs.fact.reports', { count: pair.openReports }));
  facts.push(
    pair.checkIns.length === 0
      ? translate(locale, 'pairs.fact.noCheckIn')
      : translate(locale, 'pairs.fact.checkIns', { count: pair.checkIns.length, met: pair.met ? 'yes' : 'no' }),
  );
  return facts;
}

function pairLine(pair: PairFacts, names: Names, programme: Programme, locale: Locale): MarkupText {
  const { binome } = pair;
  return translate(locale, 'pairs.line', {
    mentee: personLabel(binome.mentee, names),
    mentor: personLabel(binome.mentor, names),
    referent: binome.referent ? mention(binome.referent) : translate(locale, 'pairs.noReferent'),
    state: stateOf(pair, programme, locale),
    facts: factsOf(pair, locale).join(''),
  });
}

function waitingLines(facts: CycleFacts, names: Names, programme: Programme, locale: Locale): MarkupText[] {
  if (facts.waiting.length === 0) return [translate(locale, 'pairs.waitlist.empty')];
  const lines = [translate(locale, 'pairs.waitlist.title', { count: facts.waiting.length })];
  for (const [index, { entry, paused }] of facts.waiting.slice(0, LISTED_IN_CHAT).entries()) {
    lines.push(
      translate(locale, 'pairs.waitlist.line', {
        position: index + 1,
        person: personLabel(entry.mentee, names),
        since: formatDate(entry.since, locale, programme.timeZone),
        firstInLine: entry.firstInLine ? 'yes' : 'no',
        paused: paused ? 'yes' : 'no',
      }),
    );
  }
  if (facts.waiting.length > LISTED_IN_CHAT) lines.push(translate(locale, 'pairs.more', { count: facts.waiting.length - LISTED_IN_CHAT }));
  return lines;
}

/**
 * `/mentorat-admin binomes [cycle:NAME]`: every binôme of the cycle with its référent, state and
 * health, then the waiting list (first in line first), and both as CSV files.
 */
export async function listPairs(ctx: UseCaseContext, input: { readonly cycle?: string | undefined }): Promise<Reply> {
  const { ports, community, programme, locale } = ctx;
  const { cycle, current } = await chosenCycle(ctx, input.cycle);
  const facts = await cycleFacts(ports, community, cycle);
  const names = namesOf(await ports.enrolments.listByCommunity(community));
  const active = facts.binomes.filter((pair) => isActiveBinome(pair.binome));
  const atRisk = active.filter((pair) => pair.health === 'at-risk').length;
  const lines = [
    translate(locale, 'pairs.title', {
      cycle: literal(cycle.name),
      count: facts.binomes.length,
      active: active.length,
      atRisk,
    }),
  ];
  if (facts.binomes.length === 0) lines.push(translate(locale, 'pairs.none'));
  for (const pair of facts.binomes.slice(0, LISTED_IN_CHAT)) lines.push(pairLine(pair, names, programme, locale));
  if (facts.binomes.length > LISTED_IN_CHAT) lines.push(translate(locale, 'pairs.more', { count: facts.binomes.length - LISTED_IN_CHAT }));
  // The waiting list is today's: it belongs to the current cycle only.
  if (current) lines.push('', ...waitingLines(facts, names, programme, locale));
  const [pairsFile, waitlistFile] = locale === 'fr' ? ['binomes.csv', 'attente.csv'] : ['pairs.csv', 'waitlist.csv'];
  return {
    kind: 'messages',
    messages: [
      {
        text: lines.join('\n'),
        attachments: [
          { name: pairsFile, mimeType: 'text/csv', content: pairsCsv(facts, cycle, names) },
          ...(current ? [{ name: waitlistFile, mimeType: 'text/csv', content: waitlistCsv(facts, names, locale) }] : []),
        ],
      },
    ],
  };
}
