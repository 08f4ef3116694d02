// The layering the README promises, checked on every import of every module:
// content → compiler → model → app → views, and tracking as the one seam to
// the LMS that no view reaches. A rule broken anywhere fails here with the file
// and the import. (The model's freedom from the DOM is checked by the type
// checker: src/model/tsconfig.json compiles it without the DOM library.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';

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

// The words and the shape of the course live in content/: a view that spells
// a learner-facing word, or names a section or page, is content in code.
// Checked on the parsed source (string literals, template text, JSX text), so
// comments may speak Japanese.
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60]/u;

/** Every piece of text a module writes: string literals, template literal text and JSX text. */
export function textsOf(file: string, source = readFileSync(join(ROOT, file), 'utf8')): string[] {
  const { program, errors } = parseSync(file, source);
  if (errors.length > 0) throw new Error(`${file}: ${errors[0].message}`);
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; value?: unknown };
    if (n.type === 'Literal' && typeof n.value === 'string') found.push(n.value);
    if (n.type === 'JSXText' && typeof n.value === 'string') found.push(n.value);
    if (n.type === 'TemplateElement') found.push((n.value as { cooked?: string; raw: string }).cooked ?? (n.value as { raw: string }).raw);
    for (const value of Object.values(n)) if (value && typeof value === 'object') walk(value);
  };
  walk(program);
  return found;
}

const course = compileContent('content');
const shapeIds = new Set([...course.sections.map((s) => s.id), ...course.pages.map((p) => p.id)]);

/** A view's texts that are words for the learner or ids of the course's shape. */
export function contentInCode(file: string, source?: string): string[] {
  return textsOf(file, source).flatMap((text) =>
    JAPANESE.test(text) ? [`${file}: Japanese text ${JSON.stringify(text)}`] : shapeIds.has(text) ? [`${file}: section or page id ${JSON.stringify(text)}`] : [],
  );
}

const viewFiles = sourcesUnder('src/views');

describe('content stays out of the views', () => {
  it('reads the text of every view', () => {
    expect(viewFiles.length).toBeGreaterThan(25);
    // class names, at least, are text in every view: a walk that found none would pass anything
    expect(viewFiles.flatMap((f) => textsOf(f)).length).toBeGreaterThan(300);
  });

  it('no view writes a Japanese word or a section or page id', () => {
    expect(viewFiles.flatMap((f) => contentInCode(f))).toEqual([]);
  });

  it('catches each kind when planted', () => {
    const planted: Array<[string, string]> = [
      ['src/views/Menu.tsx', 'export const Seen = () => <span>（閲覧済み）</span>;'],
      ['src/views/Menu.tsx', "export const sep = '　／　';"],
      ['src/views/Menu.tsx', 'export const t = (n: number) => `${n}問`;'],
      ['src/views/PageView.tsx', "export const first = (id: string) => id === 'check';"],
      ['src/views/PageView.tsx', `export const leak = '${course.pages[1].id}';`],
    ];
    for (const [file, source] of planted) expect(contentInCode(file, source), source).toHaveLength(1);
    // a comment is not text of the view
    expect(contentInCode('src/views/Menu.tsx', '// 閲覧済み\n/* 「トップ」 */ export const x = 1;')).toEqual([]);
  });
});
