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
import { withPhraseMarks } from './phrases.ts';
import { packCourseData } from '../../src/content/island.ts';
import { iconSprite, usedIcons } from './icons.ts';
import { criticalCss } from './critical-css.ts';
import { COURSE_DATA_ID } from './course-data.ts';

const ID = 'virtual:course';
const RESOLVED = '\0' + ID;
/** the icon sprite's markup, kept as inert text until the script puts it in the page (src/main.tsx) */
const ICON_SPRITE_ID = 'icon-sprite';
/** the whole stylesheet, likewise (stylesLater) */
const STYLES_ID = 'course-styles';

/** text the parser skips over and the script reads by id: a script element of a type no browser runs */
const inertText = (type: string, id: string, text: string) => `<script type="${type}" id="${id}">${text}</script>`;
/** where the inert payloads begin, after the prerendered first screen */
const SPRITE_START = `<script type="image/svg+xml" id="${ICON_SPRITE_ID}">`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The island's text. Its parts are in the order that gzips smallest, as
 * measured: deflate looks only 32 KB back, and the script comes right after
 * the island, so the interface's words go last, next to the code that names
 * their keys (about 930 B less gzipped than first, where they were); the rest,
 * moved part by part to where the page came out smallest, saves some 190 B more.
 * Inside a script element only `</script` and `<!--` would end or disturb it;
 * `\u003c` keeps them inert.
 */
export function courseData(course: Course): string {
  const { ui, checklist, checklistRefs, checklistLevels, pages, map, places, sections, meta, cast, stories, quizzes, phrases } = course;
  return packCourseData({ pages, sections, map, checklistRefs, checklist, quizzes, phrases, places, cast, stories, checklistLevels, meta, ui }).replace(/<(\/script|!--)/gi, '\\u003c$1');
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

/**
 * The stylesheet vite-plugin-singlefile inlined in <head> is cut down there to
 * the rules the prerendered first screen may use (critical-css.ts); the whole
 * of it follows the first screen as inert text, which the script puts in the
 * page before its first render. Whole, not the remainder: rules keep their
 * order, so every later screen is styled exactly as by the one stylesheet.
 */
export function stylesLater(): Plugin {
  return {
    name: 'course-styles-later',
    enforce: 'post',
    // after vite-plugin-singlefile has put the stylesheet into <head>
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const asset of Object.values(bundle)) {
          if (asset.type !== 'asset' || !asset.fileName.endsWith('.html')) continue;
          const html = String(asset.source);
          const inlined = /<style rel="stylesheet" crossorigin>([\s\S]*?)<\/style>/.exec(html);
          if (!inlined) this.error(`${asset.fileName}: no inlined stylesheet in <head> to cut down to the first screen's rules`);
          const css = inlined[1];
          // inside a script element only these could end or disturb it
          if (/<\/script|<!--/i.test(css)) this.error(`${asset.fileName}: the stylesheet contains "</script" or "<!--", which cannot travel as inert text`);
          // first among the payloads: beside the head's rules it compresses best (1.5 KB less than last)
          if (!html.includes(SPRITE_START)) this.error(`${asset.fileName}: no icon sprite after the first screen to put the stylesheet before`);
          asset.source = html
            .replace(inlined[0], () => `<style>${criticalCss(css, html)}</style>`)
            .replace(SPRITE_START, () => `${inertText('text/css', STYLES_ID, css)}\n    ${SPRITE_START}`);
        }
      },
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
      return [
        `import { parseCourseData } from ${JSON.stringify(resolve(projectRoot, 'src/content/island.ts'))};`,
        `export const loadCourse = () => parseCourseData(${text(COURSE_DATA_ID)});`,
        `export const loadIconSprite = () => ${text(ICON_SPRITE_ID)};`,
        `export const loadStyles = () => ${text(STYLES_ID)};`,
      ].join('\n');
    },
    async transformIndexHtml(html) {
      const course = withPhraseMarks(compileContent(root));
      const firstScreen = await prerenderFirstScreen(course, projectRoot);
      const title = course.meta.title.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
      const island = inertText('application/json', COURSE_DATA_ID, courseData(course));
      // brandStyle's values are checked #rrggbb (schema), so nothing but a colour enters the style
      // The pictures, once each. The prerendered first screen shows none, so
      // their 36 KB of SVG wait as raw text, which the parser skips over
      // cheaply, instead of becoming elements before the first paint.
      const sprite = inertText('image/svg+xml', ICON_SPRITE_ID, iconSprite(usedIcons(course)));
      return html
        .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>${brandStyle(course.meta.company)}`)
        .replace('<div id="app"></div>', `<div id="app" data-prerendered>${firstScreen}</div>`)
        .replace('</body>', `  ${sprite}\n  ${island}\n  </body>`);
    },
  };
}
