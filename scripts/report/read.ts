// A download on disk, for the command line: a text download streams through
// csv-parse (an interactions report of 20,000 learners is never held whole),
// a spreadsheet is read at once. The formats' rules are in rows.ts.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { type Download, isSpreadsheet, sheetRows, type SourceRow, TEXT_DOWNLOAD, textError, type TextRecord, textRow } from './rows.ts';

async function* textRows(file: string): AsyncGenerator<SourceRow> {
  const parser = createReadStream(file).pipe(parse(TEXT_DOWNLOAD));
  try {
    for await (const record of parser as AsyncIterable<TextRecord>) yield textRow(record);
  } catch (e) {
    throw textError(file, e);
  }
}

async function* spreadsheetRows(file: string): AsyncGenerator<SourceRow> {
  yield* sheetRows(file, await readFile(file));
}

export const fileDownload = (file: string): Download => ({ name: file, rows: () => (isSpreadsheet(file) ? spreadsheetRows(file) : textRows(file)) });
