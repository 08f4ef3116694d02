// The rows of a Moodle report download, wherever its bytes come from: the
// command line streams a file from disk (read.ts), HR's report page reads the
// File a browser hands it (page/). The formats' rules live here once.
import * as XLSX from '@e965/xlsx';

export interface SourceRow {
  /** 1-based line of a text file, or row of a spreadsheet */
  line: number;
  cells: string[];
}

/** a download to read: its name (in errors and in the report's list of files) and its rows in order */
export interface Download {
  name: string;
  rows(): AsyncIterable<SourceRow>;
}

/** A download the report cannot read: the file, the line, and why — in Japanese for HR, then in English. */
export class ReportInputError extends Error {
  override name = 'ReportInputError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    ja: string,
    en: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${ja} / ${en}`);
  }
}

const SPREADSHEET = /\.(xlsx|xls|ods)$/i;

export const isSpreadsheet = (name: string): boolean => SPREADSHEET.test(name);

/** Moodle's "Text file" download (csv_export_writer('tab')): tab-separated, "-quoted where needed, UTF-8 */
export const TEXT_DOWNLOAD = { delimiter: '\t', bom: true, relax_column_count: true, skip_empty_lines: true, info: true } as const;

/** a record as csv-parse gives it with `info: true` */
export interface TextRecord {
  record: string[];
  info: { lines: number };
}

export const textRow = ({ record, info }: TextRecord): SourceRow => ({ line: info.lines, cells: record });

export function textError(file: string, e: unknown): ReportInputError {
  const err = e as Error & { lines?: number };
  return new ReportInputError(file, err.lines, 'Moodle のテキスト形式（タブ区切り）のダウンロードとして読めません', `not readable as a tab-separated Moodle download (${err.message})`);
}

/** A spreadsheet download (.xlsx, .xls, .ods, read with SheetJS): the first sheet's rows. */
export function sheetRows(file: string, bytes: Uint8Array): SourceRow[] {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'array', cellDates: false, dense: true });
  } catch (e) {
    throw new ReportInputError(file, undefined, 'Excel・ODS のファイルとして読めません', `not a readable spreadsheet (${e instanceof Error ? e.message : String(e)})`);
  }
  const sheet = book.Sheets[book.SheetNames[0]];
  if (!sheet) throw new ReportInputError(file, undefined, 'ファイルにシートがありません', 'the spreadsheet has no sheet');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: false });
  // SheetJS marks each row with its 0-based sheet row
  return rows.map((row) => ({
    line: ((row as unknown as { __rowNum__?: number }).__rowNum__ ?? 0) + 1,
    cells: row.map((v) => (v === null || v === undefined ? '' : String(v))),
  }));
}
