// CSV as RFC 4180 writes it (CRLF, quotes doubled, a header row), safe to open in a spreadsheet:
// a text cell that a spreadsheet would run as a formula gets a leading quote (OWASP's advice).

export type CsvCell = string | number | boolean | null | undefined;
export type CsvTable = { header: string[]; rows: CsvCell[][] };

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // Numbers are data, never formulas: a negative trend stays a number.
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: CsvTable): string {
  return [table.header, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
