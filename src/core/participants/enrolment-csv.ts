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

/** Spreadsheets run cells starting with these as formulas: a name like "=HYPERLINK(…)" must stay text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Every list item is neutralised too: a French spreadsheet splits cells on `;`, so "Paul;=1+1"
 * would otherwise become a formula; cells holding `;` are quoted for the same reason.
 */
function cell(value: string | number | readonly string[] | undefined): string {
  const text = value === undefined ? '' : Array.isArray(value) ? value.map(neutralise).join(';') : neutralise(String(value));
  return /[",;\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

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
  return ENROLMENT_CSV_COLUMNS.map((column) => cell(values[column])).join(',');
}

/** One line per enrolment; list cells are separated by `;` so that the file can be read back. */
export function enrolmentsToCsv(enrolments: readonly Enrolment[]): string {
  return `${[ENROLMENT_CSV_COLUMNS.join(','), ...enrolments.map(row)].join('\n')}\n`;
}
