import { isActiveBinome } from '../binomes/binome';
import { csvCell } from '../csv-cell';
import type { Cycle } from '../cycles/cycle';
import type { Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { unmatchedReasons } from '../matching/explain';
import type { CycleFacts } from './pairs-facts';

type Names = ReadonlyMap<string, string>;
type Cell = string | number | undefined;

const toCsv = (header: readonly string[], rows: readonly (readonly Cell[])[]) =>
  `${[header.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\n')}\n`;

/** Every binôme of the cycle, one line each: ids, names, state, health and the counts it rests on. */
export function pairsCsv(facts: CycleFacts, cycle: Cycle, names: Names): string {
  const header = [
    'binome_id',
    'cycle',
    'mentee_id',
    'mentee',
    'mentor_id',
    'mentor',
    'referent_id',
    'referent',
    'state',
    'ended_at',
    'ended_because',
    'health',
    'paused_members',
    'open_fit_concerns',
    'open_reports',
    'check_in_rounds',
    'met',
    'created_at',
  ];
  const rows = facts.binomes.map(({ binome, health, pausedMembers, openFitConcerns, openReports, checkIns, met }) => [
    binome.id,
    cycle.name,
    binome.mentee,
    names.get(binome.mentee) ?? '',
    binome.mentor,
    names.get(binome.mentor) ?? '',
    binome.referent ?? '',
    binome.referent ? (names.get(binome.referent) ?? '') : '',
    isActiveBinome(binome) ? 'active' : 'ended',
    binome.dissolvedAt,
    binome.dissolvedBecause,
    health,
    pausedMembers,
    openFitConcerns,
    openReports,
    checkIns.length,
    met ? 'yes' : 'no',
    binome.createdAt,
  ]);
  return toCsv(header, rows);
}

/** The waiting list in its order (first in line first), with why each mentoré is waiting. */
export function waitlistCsv(facts: CycleFacts, names: Names, locale: Locale): string {
  const header = ['position', 'mentee_id', 'mentee', 'first_in_line', 'since', 'paused', 'reasons'];
  const separator = translate(locale, 'list.separator');
  const rows = facts.waiting.map(({ entry, paused }, index) => [
    index + 1,
    entry.mentee,
    names.get(entry.mentee) ?? '',
    entry.firstInLine ? 'yes' : 'no',
    entry.since,
    paused ? 'yes' : 'no',
    unmatchedReasons({ mentee: entry.mentee, reasons: entry.reasons }, locale).join(separator),
  ]);
  return toCsv(header, rows);
}
