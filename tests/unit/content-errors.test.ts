// Broken content must stop the build and say which file, which field and why.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';

let dir: string;
function copyContent(): string {
  dir = mkdtempSync(join(tmpdir(), 'content-'));
  cpSync('content', join(dir, 'content'), { recursive: true });
  return join(dir, 'content');
}
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function edit(root: string, file: string, change: (text: string) => string): void {
  const path = join(root, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

function problemsOf(root: string): string {
  try {
    compileContent(root);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the content to be rejected');
}

describe('content errors', () => {
  it('compiles the real content without problems', () => {
    expect(() => compileContent(copyContent())).not.toThrow();
  });

  it('names file and field for a missing page title', () => {
    const root = copyContent();
    edit(root, 'pages/m_manager.md', (t) => t.replace(/^title: .*$/m, ''));
    expect(problemsOf(root)).toMatch(/content\/pages\/m_manager\.md: title: /);
  });

  it('rejects a quiz without a correct choice', () => {
    const root = copyContent();
    edit(root, 'stories/story1.yaml', (t) => t.replace(/correct: true/g, 'correct: false'));
    expect(problemsOf(root)).toMatch(/content\/stories\/story1\.yaml: quizzes\.0\.choices: at least one choice must be correct/);
  });

  it('rejects a placeholder anywhere in the text', () => {
    const root = copyContent();
    edit(root, 'pages/m_decide.md', (t) => `${t}\n\n技術等情報の例\n\nX.X 追加予定\n`);
    expect(problemsOf(root)).toMatch(/content\/pages\/m_decide\.md: body: contains a placeholder/);
  });

  it('rejects a link to a page that does not exist', () => {
    const root = copyContent();
    edit(root, 'pages/importance.md', (t) => `${t}\n\n[どこか](page:no_such_page)\n`);
    expect(problemsOf(root)).toMatch(/content\/pages\/importance\.md: body: link to unknown page "no_such_page"/);
  });

  it('rejects an unknown widget and a disallowed HTML tag', () => {
    const root = copyContent();
    edit(root, 'pages/measures.md', (t) => `${t}\n[[widget:spinning-logo]]\n\n<script>alert(1)</script>\n`);
    const message = problemsOf(root);
    expect(message).toMatch(/measures\.md: body: unknown widget "spinning-logo"/);
    expect(message).toMatch(/measures\.md: body: HTML tag <script> is not allowed/);
  });

  it('reports YAML syntax errors with the file', () => {
    const root = copyContent();
    edit(root, 'stories/story2.yaml', (t) => t.replace('quizzes:', 'quizzes: [unclosed'));
    expect(problemsOf(root)).toMatch(/content\/stories\/story2\.yaml: .*not valid YAML/);
  });

  it('rejects a quiz id used twice and a page missing from the menu', () => {
    const root = copyContent();
    edit(root, 'stories/story2.yaml', (t) => t.replace('id: q2_1', 'id: q1_1'));
    edit(root, 'course.yaml', (t) => t.replace('m_manager, ', ''));
    const message = problemsOf(root);
    expect(message).toMatch(/quiz id "q1_1" is used twice/);
    expect(message).toMatch(/content\/pages\/m_manager\.md: id: page "m_manager" is not listed under any section/);
  });

  it('rejects a pass mark outside 0–100', () => {
    const root = copyContent();
    edit(root, 'course.yaml', (t) => t.replace(/^passMark: .*$/m, 'passMark: 180'));
    expect(problemsOf(root)).toMatch(/content\/course\.yaml: passMark: /);
  });
});
