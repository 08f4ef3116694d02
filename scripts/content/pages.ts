// content/pages/*.md: front matter, then a body of Markdown and the widget syntax.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Page } from '../../src/content/types.ts';
import { parseBlocks } from './blocks.ts';
import { checkPlaceholders, readText, splitFrontMatter, validate, type Compiling } from './read.ts';
import { pageFrontMatter, type CourseFile } from './schema.ts';

export function compilePages(dir: string, sections: CourseFile['sections'] | undefined, c: Compiling): Page[] {
  const { problems } = c;
  const pages: Page[] = [];
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort() : [];
  for (const name of files) {
    const file = join(dir, name);
    const display = c.rel(file);
    const source = readText(file, display, problems);
    if (source === undefined) continue;
    const parts = splitFrontMatter(source);
    if (!parts) {
      problems.add(display, 'front matter', 'the file must start with a --- block holding id and title');
      continue;
    }
    let front: unknown;
    try {
      front = parseYaml(parts.front);
    } catch (e) {
      problems.add(display, 'front matter', `not valid YAML: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    const fm = validate(pageFrontMatter, front, display, problems);
    if (!fm) continue;
    for (const [field, value] of Object.entries(fm)) if (typeof value === 'string') checkPlaceholders(value, display, field, problems);
    c.icon(fm.icon, display, 'icon');
    const blocks = parseBlocks(parts.body, (line) => ({
      md: (source) => c.md(source, display, 'body'),
      problem: (reason) => problems.add(display, `body line ${line}`, reason),
      icon: (name) => c.icon(name, display, `body line ${line}`),
    }));
    if (blocks.length === 0) problems.add(display, 'body', 'page has no text');
    const section = sections?.find((s) => s.pages.includes(fm.id));
    if (sections && !section) problems.add(display, 'id', `page "${fm.id}" is not listed under any section in course.yaml`);
    const refs =
      fm.selfCheck || fm.criteria ? { selfCheck: fm.selfCheck ?? [], criteria: fm.criteria ?? [] } : undefined;
    pages.push({
      id: fm.id,
      section: section?.id ?? '',
      wide: fm.wide,
      title: fm.title,
      navLabel: fm.navLabel ?? fm.title,
      ...(fm.icon && { icon: fm.icon }),
      group: fm.group,
      mapLabels: fm.mapLabels,
      refs,
      blocks,
    });
  }
  return pages;
}
