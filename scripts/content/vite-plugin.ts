// Serves the compiled course so the bundle carries data only — no Markdown or
// YAML parser reaches the browser. The data travels as a JSON island at the end
// of index.html and `virtual:course` parses it: JSON.parse is quicker than an
// object literal of the same size on a slow phone, and after the code and the
// styles the text compresses better than in the middle of the script.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Course } from '../../src/content/types.ts';
import { brandStyle } from './company.ts';
import { compileContent } from './compile.ts';

const ID = 'virtual:course';
const RESOLVED = '\0' + ID;
export const COURSE_DATA_ID = 'course-data';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The island's text. The interface's words come first, nearest the code that
 * names their keys. Related parts sit side by side so deflate, which only
 * looks 32 KB back, finds their shared words: the checklist next to the pages
 * it restates, the quizzes next to their stories. Inside a script element only
 * `</script` and `<!--` would end or disturb it; `\u003c` keeps them inert.
 */
export function courseData(course: Course): string {
  const { ui, checklist, checklistRefs, checklistLevels, pages, map, places, sections, meta, stories, quizzes } = course;
  return JSON.stringify({ ui, checklist, checklistRefs, checklistLevels, pages, map, places, sections, meta, stories, quizzes }).replace(/<(\/script|!--)/gi, '\\u003c$1');
}

export function courseContent(contentDir = 'content'): Plugin {
  const root = resolve(contentDir);
  return {
    name: 'course-content',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const file of filesUnder(root)) this.addWatchFile(file);
      return `export default JSON.parse(document.getElementById(${JSON.stringify(COURSE_DATA_ID)}).textContent);`;
    },
    transformIndexHtml(html) {
      const course = compileContent(root);
      const title = course.meta.title.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
      const island = `<script type="application/json" id="${COURSE_DATA_ID}">${courseData(course)}</script>`;
      // brandStyle's values are checked #rrggbb (schema), so nothing but a colour enters the style
      return html
        .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>${brandStyle(course.meta.company)}`)
        .replace('</body>', `  ${island}\n  </body>`);
    },
  };
}
