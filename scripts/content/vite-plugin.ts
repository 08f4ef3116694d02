// Serves the compiled course so the bundle carries data only — no Markdown or
// YAML parser reaches the browser. The data travels as a JSON island at the end
// of index.html and `virtual:course` parses it: JSON.parse is quicker than an
// object literal of the same size on a slow phone, and after the code and the
// styles the text compresses better than in the middle of the script.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createServer, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import type { Course } from '../../src/content/types.ts';
import { brandStyle } from './company.ts';
import { compileContent } from './compile.ts';
import { iconSprite, usedIcons } from './icons.ts';

const ID = 'virtual:course';
const RESOLVED = '\0' + ID;
export const COURSE_DATA_ID = 'course-data';
/** the icon sprite's markup, kept as inert text until the script puts it in the page (src/main.tsx) */
const ICON_SPRITE_ID = 'icon-sprite';

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
  const { ui, checklist, checklistRefs, checklistLevels, pages, map, places, sections, meta, cast, stories, quizzes, phrases } = course;
  return JSON.stringify({ ui, checklist, checklistRefs, checklistLevels, pages, map, places, sections, meta, cast, stories, quizzes, phrases }).replace(/<(\/script|!--)/gi, '\\u003c$1');
}

/**
 * The first screen rendered to HTML by the views themselves (src/prerender.tsx),
 * loaded through Vite so their TSX and CSS imports resolve as in the bundle.
 */
async function prerenderFirstScreen(course: Course, projectRoot: string): Promise<string> {
  const server = await createServer({
    configFile: false,
    root: projectRoot,
    logLevel: 'error',
    plugins: [preact()],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { prerender } = (await server.ssrLoadModule('/src/prerender.tsx')) as { prerender: (c: Course) => string };
    return prerender(course);
  } finally {
    await server.close();
  }
}

/**
 * The inlined script moves from <head> to the end of <body>: a module runs
 * after parsing wherever it stands, but the parser reaches the prerendered
 * first screen, and the browser can draw it, without first reading 60 KB of
 * code. Runs after vite-plugin-singlefile has inlined the script.
 */
export function scriptLast(): Plugin {
  return {
    name: 'course-script-last',
    enforce: 'post',
    generateBundle(_, bundle) {
      for (const asset of Object.values(bundle)) {
        if (asset.type !== 'asset' || !asset.fileName.endsWith('.html')) continue;
        const html = String(asset.source);
        const script = /<script type="module"[^>]*>[\s\S]*?<\/script>/.exec(html);
        if (!script || html.indexOf(script[0]) > html.indexOf('<body')) continue;
        asset.source = html.replace(script[0], '').replace(/<\/body>/, `${script[0]}\n  </body>`);
      }
    },
  };
}

export function courseContent(contentDir = 'content'): Plugin {
  const root = resolve(contentDir);
  // the project the views are in (the content may live elsewhere)
  let projectRoot = process.cwd();
  return {
    name: 'course-content',
    configResolved(config) {
      projectRoot = config.root;
    },
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const file of filesUnder(root)) this.addWatchFile(file);
      const text = (id: string) => `document.getElementById(${JSON.stringify(id)}).textContent`;
      // read when called, not when the bundle runs: the start waits for the first paint
      return `export const loadCourse = () => JSON.parse(${text(COURSE_DATA_ID)});\nexport const loadIconSprite = () => ${text(ICON_SPRITE_ID)};`;
    },
    async transformIndexHtml(html) {
      const course = compileContent(root);
      const firstScreen = await prerenderFirstScreen(course, projectRoot);
      const title = course.meta.title.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
      const island = `<script type="application/json" id="${COURSE_DATA_ID}">${courseData(course)}</script>`;
      // brandStyle's values are checked #rrggbb (schema), so nothing but a colour enters the style
      // The pictures, once each. The prerendered first screen shows none, so
      // their 36 KB of SVG wait as raw text, which the parser skips over
      // cheaply, instead of becoming elements before the first paint.
      const sprite = `<script type="image/svg+xml" id="${ICON_SPRITE_ID}">${iconSprite(usedIcons(course))}</script>`;
      return html
        .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>${brandStyle(course.meta.company)}`)
        .replace('<div id="app"></div>', `<div id="app" data-prerendered>${firstScreen}</div>`)
        .replace('</body>', `  ${sprite}\n  ${island}\n  </body>`);
    },
  };
}
