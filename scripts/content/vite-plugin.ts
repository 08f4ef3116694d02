// Serves the compiled course as `virtual:course` so the bundle carries data
// only — no Markdown or YAML parser reaches the browser.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileContent } from './compile.ts';

const ID = 'virtual:course';
const RESOLVED = '\0' + ID;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function courseContent(contentDir = 'content'): Plugin {
  const root = resolve(contentDir);
  return {
    name: 'course-content',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const file of filesUnder(root)) this.addWatchFile(file);
      return `export default ${JSON.stringify(compileContent(root))};`;
    },
    transformIndexHtml(html) {
      const title = compileContent(root).meta.title.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
      return html.replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`);
    },
  };
}
