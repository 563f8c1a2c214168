/** Spreadsheets run cells starting with these as formulas: a name like "=HYPERLINK(…)" must stay text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One CSV cell. Every list item is neutralised too: a French spreadsheet splits cells on `;`, so
 * "Paul;=1+1" would otherwise become a formula; cells holding `;` are quoted for the same reason.
 */
export function csvCell(value: string | number | readonly string[] | undefined): string {
  const text = value === undefined ? '' : Array.isArray(value) ? value.map(neutralise).join(';') : neutralise(String(value));
  return /[",;\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
