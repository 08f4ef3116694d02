// Writes dist/<course-id>-scorm12.zip and dist/<course-id>-scorm2004.zip from the
// built course (dist/course/index.html) and content/course.yaml, and beside them
// the item catalogue dist/<course-id>-items.csv and .html, HR's report page
// dist/<course-id>-report.html, the LMS guide as a page, dist/<course-id>-guide.html, and
// the announcement to learners, dist/<course-id>-announcement.txt.
// Run after `vite build`: npx tsx scripts/package.ts [--out <dir>]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { compileContent } from './content/compile.ts';
import { catalogue } from './catalogue/items.ts';
import { catalogueCsv, catalogueFileNames, catalogueHtml, checklistCsv } from './catalogue/write.ts';
import { announcementName, announcementText } from './guide/announcement.ts';
import { guidePage, guidePageName } from './guide/page.ts';
import { buildPackage } from './package/build.ts';
import { deliverables } from './package/deliverables.ts';
import { COURSE_HTML, PACKAGE_DIR, PROJECT_ROOT, reportPageName, TARGETS } from './package/targets.ts';
import { reportPage } from './report/page/build.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: PACKAGE_DIR } } });
  const outDir = resolve(values.out);
  if (!existsSync(COURSE_HTML)) throw new Error(`${relative(PROJECT_ROOT, COURSE_HTML)} is missing: run vite build first`);
  // COURSE_CONTENT: another content folder, as vite.config.ts builds it
  const course = compileContent(process.env.COURSE_CONTENT ?? join(PROJECT_ROOT, 'content'));
  const { meta } = course;
  const courseHtml = readFileSync(COURSE_HTML, 'utf8');
  mkdirSync(outDir, { recursive: true });
  for (const target of TARGETS) {
    const built = await buildPackage(target, meta, courseHtml);
    const file = join(outDir, built.fileName);
    writeFileSync(file, built.zip);
    console.log(`${relative(process.cwd(), file)}  SCORM ${target.version}  ${(built.zip.length / 1000).toFixed(1)} kB  ${built.entries.length} files`);
  }
  // the item catalogue travels with the zips: HR reads the LMS's interactions report with it
  const items = catalogue(course);
  const names = catalogueFileNames(meta.id);
  writeFileSync(join(outDir, names.csv), catalogueCsv(items));
  writeFileSync(join(outDir, names.html), catalogueHtml(meta, items, course));
  console.log(`${relative(process.cwd(), join(outDir, names.csv))}, .html  item catalogue: ${items.length} quizzes`);
  // what HR opens to turn Moodle's downloads into the report, with no install (npm run report's reading)
  const page = join(outDir, reportPageName(meta.id));
  writeFileSync(page, await reportPage(course));
  console.log(`${relative(process.cwd(), page)}  HR's report page: Moodle's downloads in, the report out, in a browser`);
  const announcement = join(outDir, announcementName(meta.id));
  writeFileSync(announcement, announcementText(course));
  console.log(`${relative(process.cwd(), announcement)}  the owner's announcement to learners: time, goals and completion rule as the welcome screen has them`);
  if (meta.checklist.report) {
    writeFileSync(join(outDir, names.checklist), checklistCsv(course));
    console.log(`${relative(process.cwd(), join(outDir, names.checklist))}  the checklist's ${course.checklist.length} items, reported as likert interactions`);
  } else {
    // a table left from a build that reported the checklist would describe records this one never makes
    rmSync(join(outDir, names.checklist), { force: true });
  }
  // the owner and HR may get the zips without this repository: the guide goes with them, last,
  // linking the files it names that are now beside it
  const guideName = guidePageName(meta.id);
  const guide = join(outDir, guideName);
  const beside = deliverables(meta.id)
    .map((d) => d.name)
    .filter((name) => name !== guideName && existsSync(join(outDir, name)));
  writeFileSync(guide, guidePage(readFileSync(join(PROJECT_ROOT, 'docs', 'lms-guide.md'), 'utf8'), meta, beside));
  console.log(`${relative(process.cwd(), guide)}  the LMS guide (docs/lms-guide.md) for the owner and HR, printable`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
