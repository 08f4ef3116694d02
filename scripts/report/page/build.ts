// HR's report page as one self-contained HTML file, written beside the zips
// (dist/<course-id>-report.html): HR opens it in a browser and picks Moodle's
// downloads — nothing to install. The course (its quizzes, pass mark,
// checklist) travels in the page as JSON; the page's own policy allows no request.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import type { Course } from '../../../src/content/types.ts';
import { escapeHtml } from '../../html.ts';

export async function reportPage(course: Course): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'report-page-'));
  try {
    await build({
      configFile: false,
      // not import.meta.dirname: engines allows Node 20 releases before 20.11, which lack it
      root: fileURLToPath(new URL('.', import.meta.url)),
      base: './',
      logLevel: 'warn',
      plugins: [
        viteSingleFile(),
        {
          name: 'report-course',
          // inside a script element only "</script" or "<!--" could end or disturb the JSON: no "<" travels raw
          transformIndexHtml: (html) =>
            html.replaceAll('%TITLE%', () => escapeHtml(course.meta.title)).replace('%COURSE%', () => JSON.stringify(course).replace(/</g, '\\u003c')),
        },
      ],
      build: { outDir: out, emptyOutDir: true, target: 'es2020', reportCompressedSize: false },
    });
    return readFileSync(join(out, 'index.html'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
