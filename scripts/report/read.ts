// Rows of a Moodle report download, whatever format HR chose: "Text file"
// (tab-separated .txt, UTF-8, read as a stream with csv-parse) or a
// spreadsheet (.xlsx, .xls, .ods, read with SheetJS). Each row carries the
// line (or spreadsheet row) it came from, so errors can name it.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import * as XLSX from '@e965/xlsx';

export interface SourceRow {
  /** 1-based line of a text file, or row of a spreadsheet */
  line: number;
  cells: string[];
}

export class ReportInputError extends Error {
  override name = 'ReportInputError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    reason: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${reason}`);
  }
}

const SPREADSHEET = new Set(['.xlsx', '.xls', '.ods']);

export function isSpreadsheet(file: string): boolean {
  return SPREADSHEET.has(extname(file).toLowerCase());
}

async function* textRows(file: string): AsyncGenerator<SourceRow> {
  // Moodle's csv_export_writer('tab'): tab-separated, "-quoted where needed, UTF-8
  const parser = createReadStream(file).pipe(
    parse({ delimiter: '\t', bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: record.info.lines, cells: record.record };
    }
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new ReportInputError(file, err.lines, `not readable as a tab-separated Moodle download (${err.message})`);
  }
}

async function* sheetRows(file: string): AsyncGenerator<SourceRow> {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(await readFile(file), { type: 'buffer', cellDates: false, dense: true });
  } catch (e) {
    throw new ReportInputError(file, undefined, `not a readable spreadsheet (${e instanceof Error ? e.message : String(e)})`);
  }
  const sheet = book.Sheets[book.SheetNames[0]];
  if (!sheet) throw new ReportInputError(file, undefined, 'the spreadsheet has no sheet');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: false });
  for (const row of rows) {
    // SheetJS marks each row with its 0-based sheet row
    const line = ((row as unknown as { __rowNum__?: number }).__rowNum__ ?? 0) + 1;
    yield { line, cells: row.map((v) => (v === null || v === undefined ? '' : String(v))) };
  }
}

export function readRows(file: string): AsyncGenerator<SourceRow> {
  return isSpreadsheet(file) ? sheetRows(file) : textRows(file);
}
