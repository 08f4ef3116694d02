// Reading one content file: its bytes as UTF-8 text, its YAML, its schema, its
// placeholders. Nothing here throws on bad content; each problem is collected
// with file and field so the build reports all of them at once.
import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${reason}`);
    this.name = 'ContentError';
  }
}

/** Collects every problem before failing, so an author fixes them in one go. */
export class Problems {
  readonly list: ContentError[] = [];
  add(file: string, field: string, reason: string): void {
    this.list.push(new ContentError(file, field, reason));
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const error = new Error(`content has ${this.list.length} problem(s):\n` + this.list.map((e) => `  - ${e.message}`).join('\n'));
    (error as Error & { problems: ContentError[] }).problems = this.list;
    // the author's mistakes, not the program's: where in the build they surfaced helps no one
    error.stack = `${error.name}: ${error.message}`;
    throw error;
  }
}

const PLACEHOLDERS = [/追加予定/, /URLを追加/, /X\.X/, /TODO/i];
/** Far above any real page or story (the longest is under 10,000 characters), far below what breaks the size budgets. */
export const MAX_FILE_CHARS = 40_000;
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Content files are UTF-8 (a BOM is tolerated and dropped); anything else stops the build with the reason. */
export function readText(file: string, display: string, problems: Problems): string | undefined {
  let bytes: Uint8Array = readFileSync(file);
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) bytes = bytes.subarray(3);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    problems.add(display, '', 'the file is not UTF-8 text (is it Shift_JIS / CP932?); save it as UTF-8');
    return undefined;
  }
  if (text.length > MAX_FILE_CHARS) {
    problems.add(display, '', `the file is ${text.length.toLocaleString('en')} characters, over the limit of ${MAX_FILE_CHARS.toLocaleString('en')}; split it`);
    return undefined;
  }
  return text;
}

export function readYaml(file: string, display: string, problems: Problems): unknown {
  const text = readText(file, display, problems);
  if (text === undefined) return undefined;
  try {
    return parseYaml(text);
  } catch (e) {
    const line = e instanceof YAMLParseError && e.linePos ? e.linePos[0].line : undefined;
    // the parser's first line ends "at line 57, column 1:" before a snippet; the line is given as the field, the snippet as its text
    const reason = (e as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const quoted = line ? text.split(/\r?\n/)[line - 1]?.trim() : undefined;
    const twice = e instanceof YAMLParseError && e.code === 'DUPLICATE_KEY' ? ' (a key given twice: change the line already in the file instead of adding another)' : '';
    problems.add(display, line ? `line ${line}` : '', `not valid YAML: ${reason}${quoted ? ` — "${quoted}"` : ''}${twice}`);
    return undefined;
  }
}

export function validate<T extends z.ZodType>(schema: T, data: unknown, display: string, problems: Problems): z.infer<T> | undefined {
  // a file that could not be read or parsed is reported once, not again as an empty document
  if (data === undefined && problems.list.some((p) => p.file === display)) return undefined;
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.add(display, issue.path.join('.') || '(root)', issue.message);
  return undefined;
}

export function splitFrontMatter(source: string): { front: string; body: string } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return m ? { front: m[1], body: m[2] } : undefined;
}

export function checkPlaceholders(value: string, display: string, field: string, problems: Problems): void {
  for (const p of PLACEHOLDERS) if (p.test(value)) problems.add(display, field, `contains a placeholder (${p.source}); write the real text or leave it out`);
}

/** What compiling one kind of file needs from the whole: where problems go, and the checks that span files. */
export interface Compiling {
  problems: Problems;
  /** the path an author sees in a problem: content/pages/x.md */
  rel(file: string): string;
  /** Markdown to allow-listed HTML, its placeholders checked and its links kept for the cross-file check */
  md(source: string, display: string, field: string): string;
  /** an icon name checked against the kept sets */
  icon(name: string | undefined, display: string, field: string): void;
}
