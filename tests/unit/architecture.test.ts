// The layering the README promises, checked on every import of every module:
// content → compiler → model → app → views, and tracking as the one seam to
// the LMS that no view reaches. A rule broken anywhere fails here with the file
// and the import. (The model's freedom from the DOM is checked by the type
// checker: src/model/tsconfig.json compiles it without the DOM library.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourcesUnder(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

export interface Import {
  from: string;
  /** as written */
  specifier: string;
  /** project-relative path for a relative import, else the package name */
  target: string;
  typeOnly: boolean;
}

/** Every static, re-exported and dynamic import of a module, parsed (not matched by pattern). */
export function importsOf(file: string, source = readFileSync(join(ROOT, file), 'utf8')): Import[] {
  const { module, errors } = parseSync(file, source);
  if (errors.length > 0) throw new Error(`${file}: ${errors[0].message}`);
  const found: Array<{ specifier: string; typeOnly: boolean }> = [
    ...module.staticImports.map((i) => ({
      specifier: i.moduleRequest.value,
      typeOnly: i.entries.length > 0 && i.entries.every((e) => e.isType),
    })),
    ...module.staticExports.flatMap((e) =>
      e.entries.flatMap((x) => (x.moduleRequest ? [{ specifier: x.moduleRequest.value, typeOnly: x.isType }] : [])),
    ),
    ...module.dynamicImports.map((d) => ({ specifier: source.slice(d.moduleRequest.start + 1, d.moduleRequest.end - 1), typeOnly: false })),
  ];
  return found.map(({ specifier, typeOnly }) => ({
    from: file,
    specifier,
    target: specifier.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), specifier)) : specifier,
    typeOnly,
  }));
}

interface Rule {
  name: string;
  /** the modules the rule is about */
  from: RegExp;
  /** what they may not import (project path or package name) */
  forbidden: RegExp;
}

export const RULES: readonly Rule[] = [
  { name: 'views never reach the tracking layer, not even its types', from: /^src\/views\//, forbidden: /^src\/tracking\// },
  { name: 'the model is pure: no app, views, tracking or UI library', from: /^src\/model\//, forbidden: /^(src\/(app|views|tracking)\/|preact)/ },
  { name: 'content types depend on nothing else in the course', from: /^src\/content\//, forbidden: /^src\/(app|views|tracking|model)\// },
  { name: 'the SCORM facts stand alone', from: /^src\/scorm\//, forbidden: /^(src\/(?!scorm\/)|preact)/ },
  { name: 'tracking knows nothing of the app or the views', from: /^src\/tracking\//, forbidden: /^(src\/(app|views)\/|preact)/ },
  { name: 'the app layer renders nothing', from: /^src\/app\//, forbidden: /^(src\/views\/|preact)/ },
  { name: 'the course bundle imports nothing from build tooling or tests', from: /^src\//, forbidden: /^(scripts|tests)\// },
  { name: 'build tooling and the bench import nothing from tests', from: /^(scripts\/|vite\.config)/, forbidden: /^tests\// },
  { name: 'no runtime SCORM library inside the course', from: /^src\//, forbidden: /^scorm-again/ },
];

export function violations(imports: readonly Import[], rules: readonly Rule[] = RULES): string[] {
  return imports.flatMap((i) =>
    rules.filter((r) => r.from.test(i.from) && r.forbidden.test(i.target)).map((r) => `${i.from} imports ${i.specifier}: ${r.name}`),
  );
}

const files = [...sourcesUnder('src'), ...sourcesUnder('scripts'), 'vite.config.ts'];
const all = files.flatMap((f) => importsOf(f));

describe('architecture', () => {
  it('reads the imports of every module', () => {
    expect(files.length).toBeGreaterThan(60);
    // a parse that found nothing would make every rule pass
    expect(all.filter((i) => i.from.startsWith('src/views/')).length).toBeGreaterThan(50);
  });

  it('keeps every layering rule', () => {
    expect(violations(all)).toEqual([]);
  });

  it('catches a planted violation of each rule', () => {
    const planted: Array<[string, string]> = [
      ['src/views/Menu.tsx', "import { createScormTracker } from '../tracking/scorm-tracker.ts';"],
      ['src/views/Notices.tsx', "import type { Notice } from '../tracking/tracker.ts';"],
      ['src/model/state.ts', "import { h } from 'preact';"],
      ['src/model/state.ts', "export { createStore } from '../app/store.ts';"],
      ['src/content/types.ts', "import type { Progress } from '../model/progress.ts';"],
      ['src/tracking/standalone.ts', "import { App } from '../views/App.tsx';"],
      ['src/scorm/spec.ts', "import type { Course } from '../content/types.ts';"],
      ['src/app/store.ts', "const v = await import('../views/App.tsx');"],
      ['src/main.tsx', "import { realCourse } from '../tests/unit/fixtures.ts';"],
      ['scripts/bench.ts', "import { worstCaseState } from '../tests/unit/fixtures.ts';"],
      ['src/tracking/select.ts', "import { Scorm12API } from 'scorm-again';"],
    ];
    for (const [file, line] of planted) expect(violations(importsOf(file, line)), `${file}: ${line}`).toHaveLength(1);
  });
});
