/**
 * An input problem ingest reports instead of writing: where it is (file, line,
 * field), what is wrong, and how to fix it.
 */
export class IngestError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly fix: string;

  constructor(details: { file: string; line?: number; field?: string; message: string; fix: string }) {
    super(details.message);
    this.name = 'IngestError';
    this.file = details.file;
    this.line = details.line;
    this.field = details.field;
    this.fix = details.fix;
  }

  /** One line an editor can act on: `seeds/x.txt:3 title: … — fix: …`. */
  format(): string {
    const where = this.line === undefined ? this.file : `${this.file}:${this.line}`;
    const field = this.field === undefined ? '' : ` ${this.field}:`;
    return `${where}${field} ${this.message} — fix: ${this.fix}`;
  }
}
