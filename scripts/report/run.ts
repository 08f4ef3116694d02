// Reads every download given, in order, into one aggregate: each file's header
// row decides where things are (shape.ts); rows stream through.
import type { Course } from '../../src/content/types.ts';
import { checklistAreaName } from '../../src/tracking/identifiers.ts';
import { catalogue } from '../catalogue/items.ts';
import { Aggregator } from './aggregate.ts';
import { reportFigures, type ReportFigures } from './figures.ts';
import { reportHtml } from './html.ts';
import { type Download, ReportInputError, type SourceRow } from './rows.ts';
import { detectShape, type ReportShape } from './shape.ts';

/** rows looked at before deciding which group column is which */
const SAMPLE_ROWS = 50;

export interface ReadResult {
  figures: ReportFigures;
  aggregator: Aggregator;
}

async function readOne({ name: file, rows }: Download, agg: Aggregator, courseTitle: string): Promise<void> {
  let header: SourceRow | undefined;
  let shape: ReportShape | undefined;
  const pending: SourceRow[] = [];
  const feed = (row: SourceRow) => {
    if (row.cells.length < shape!.columns && row.cells.some((c) => c !== ''))
      // Moodle writes every cell of every row; a short row is a cut or edited file
      if (row.cells.length <= shape!.score)
        throw new ReportInputError(file, row.line, `この行の列は ${row.cells.length} 個で、見出しの ${shape!.columns} 個に足りません（ファイルが途中で切れているか、書き換えられています）`, `row has ${row.cells.length} columns, the header has ${shape!.columns}`);
    agg.add(shape!, row.cells);
  };
  for await (const row of rows()) {
    if (!header) {
      header = row;
      continue;
    }
    if (!shape) {
      pending.push(row);
      if (pending.length < SAMPLE_ROWS) continue;
      shape = detectShape(file, header.line, header.cells, pending.map((r) => r.cells), courseTitle);
      pending.splice(0).forEach(feed);
      continue;
    }
    feed(row);
  }
  if (!header) throw new ReportInputError(file, undefined, 'ファイルが空です', 'the file is empty');
  if (!shape) {
    shape = detectShape(file, header.line, header.cells, pending.map((r) => r.cells), courseTitle);
    pending.forEach(feed);
  }
  agg.totals.files++;
  if (shape.kind === 'interactions') agg.totals.interactionFiles++;
}

export async function readDownloads(downloads: readonly Download[], course: Course, passMark = course.meta.passMark): Promise<ReadResult> {
  const items = catalogue(course);
  const agg = new Aggregator(items, course.checklist);
  for (const download of downloads) await readOne(download, agg, course.meta.title);
  const areaName = (areaId: string) => checklistAreaName(course, areaId);
  return { figures: reportFigures(agg, items, passMark, { items: course.checklist, areaName }), aggregator: agg };
}

/** The report's page from the downloads, in the order given; a download that cannot be read throws a ReportInputError. */
export async function report(downloads: readonly Download[], course: Course): Promise<{ html: string; figures: ReportFigures }> {
  const { figures, aggregator: agg } = await readDownloads(downloads, course);
  const html = reportHtml(course.meta, figures, {
    // the file's own name: a path from the command line, a name as a browser gives it
    files: downloads.map((d) => d.name.split(/[\\/]/).pop()!),
    rows: agg.totals.rows,
    interactionRecords: agg.totals.interactionRecords,
    interactionsFile: agg.totals.interactionFiles > 0,
    unknownIds: [...agg.totals.unknownIds.entries()],
  });
  return { html, figures };
}
