/**
 * The site's one CSV writer (RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheet programs
 * read the Chinese), and typed columns that also describe a table for its data dictionary and its
 * Frictionless Table Schema: a download, its documentation and its schema come from one list.
 */

/** What a cell may hold; null is an empty cell. */
export type Cell = string | number | boolean | null;

/** Table Schema (Frictionless Data v1) field types the downloads use. */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean';

/** One column of a download: its name, how it is read, what it means, and how to compute it. */
export interface DataColumn<Source> {
  /** Header name, also the JSON key and the Table Schema field name. */
  name: string;
  type: FieldType;
  /** Short Chinese name for the data dictionary. */
  title: string;
  /** Meaning and conventions, in Chinese: shown on /data/ and written into datapackage.json. */
  description: string;
  /** Never empty. */
  required: boolean;
  /** The only values allowed, when the column is a closed list. */
  enum?: readonly string[];
  /** Table Schema format, e.g. "uri" for links. */
  format?: 'uri';
  /** A note that the field comes from a schema change still being merged (shown beside the column). */
  note?: string;
  value: (source: Source) => Cell;
}

/** One row as JSON: column name → cell. */
export type DataRecord = Record<string, Cell>;

export function recordsOf<Source>(columns: readonly DataColumn<Source>[], sources: readonly Source[]): DataRecord[] {
  return sources.map((source) => Object.fromEntries(columns.map((c) => [c.name, c.value(source)])));
}

/**
 * Characters that make a spreadsheet read a text cell as a formula (OWASP "CSV Injection"): = + - @,
 * and tab and carriage return, which some programs skip before looking for them.
 */
const FORMULA_START = /^[=+\-@\t\r]/u;

/**
 * A text cell a spreadsheet would run as a formula gets a leading apostrophe, so it shows as text.
 * Numbers are written as numbers: a negative value stays a number a spreadsheet can sum.
 */
export function neutraliseCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quoteCell(text: string): string {
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** CSV text of a header and rows of cells. */
export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map((c) => quoteCell(neutraliseCell(c))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** CSV of records in the order of `columns`; a missing key is an empty cell. */
export function csvOfRecords<T extends object>(
  records: readonly T[],
  columns: ReadonlyArray<keyof T & string>,
): string {
  return csvText(
    columns,
    records.map((record) => columns.map((c) => (record[c] as Cell | undefined) ?? null)),
  );
}

/** CSV of sources through typed columns. */
export function csvOfColumns<Source>(columns: readonly DataColumn<Source>[], sources: readonly Source[]): string {
  return csvText(
    columns.map((c) => c.name),
    sources.map((s) => columns.map((c) => c.value(s))),
  );
}

/** Table Schema field descriptor of a column (Frictionless Data v1). */
export interface TableSchemaField {
  name: string;
  title: string;
  type: FieldType;
  format?: string;
  description: string;
  constraints: { required: boolean; enum?: string[] };
}

export function tableSchemaFields<Source>(columns: readonly DataColumn<Source>[]): TableSchemaField[] {
  return columns.map((c) => ({
    name: c.name,
    title: c.title,
    type: c.type,
    ...(c.format ? { format: c.format } : {}),
    description: c.note ? `${c.description}（${c.note}）` : c.description,
    constraints: { required: c.required, ...(c.enum ? { enum: [...c.enum] } : {}) },
  }));
}
