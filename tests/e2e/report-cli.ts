// HR's report page (dist/<course-id>-report.html) and what it is held to: the
// report `npm run report` writes from the same Moodle downloads
// (tests/fixtures/moodle-exports/), whichever browser the page runs in.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { PACKAGE_DIR, PROJECT_ROOT, reportPageName } from '../../scripts/package/targets.ts';

export const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures', 'moodle-exports');
export const COURSE = parseYaml(readFileSync(join(PROJECT_ROOT, 'content', 'course.yaml'), 'utf8')) as { id: string; title: string; passMark: number };
/** the page as HR opens it: from the disk */
export const REPORT_PAGE = pathToFileURL(join(PACKAGE_DIR, reportPageName(COURSE.id))).href;

/** what `npm run report` writes for these files */
export function cliReport(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
  try {
    const out = join(dir, 'report.html');
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'report.ts'), ...files, '--out', out], { encoding: 'utf8', cwd: PROJECT_ROOT });
    if (run.status !== 0) throw new Error(`npm run report failed (${run.status}): ${run.stdout}${run.stderr}`);
    return readFileSync(out, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
