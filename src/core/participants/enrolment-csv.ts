import { csvCell } from '../csv-cell';
import type { Enrolment } from './enrolment';

export const ENROLMENT_CSV_COLUMNS = [
  'id',
  'role',
  'status',
  'name',
  'affiliation',
  'sector',
  'wishedSector',
  'fields',
  'languages',
  'format',
  'region',
  'offers',
  'capacity',
  'expectations',
  'excluded',
  'enrolledAt',
] as const;

function row(enrolment: Enrolment): string {
  const { profile } = enrolment;
  const values: Record<(typeof ENROLMENT_CSV_COLUMNS)[number], string | number | readonly string[] | undefined> = {
    id: enrolment.participant.userId,
    role: profile.role,
    status: enrolment.status,
    name: profile.name,
    affiliation: profile.affiliation,
    sector: profile.role === 'mentor' ? profile.sector : undefined,
    wishedSector: profile.role === 'mentee' ? profile.wishedSector : undefined,
    fields: profile.fields,
    languages: profile.languages,
    format: profile.format,
    region: profile.region,
    offers: profile.role === 'mentor' ? profile.offers : undefined,
    capacity: profile.role === 'mentor' ? profile.capacity : undefined,
    expectations: profile.role === 'mentee' ? profile.expectations : undefined,
    excluded: profile.role === 'mentee' ? profile.excluded : undefined,
    enrolledAt: enrolment.enrolledAt,
  };
  return ENROLMENT_CSV_COLUMNS.map((column) => csvCell(values[column])).join(',');
}

/** One line per enrolment; list cells are separated by `;` so that the file can be read back. */
export function enrolmentsToCsv(enrolments: readonly Enrolment[]): string {
  return `${[ENROLMENT_CSV_COLUMNS.join(','), ...enrolments.map(row)].join('\n')}\n`;
}
