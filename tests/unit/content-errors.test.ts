// Broken content must stop the build and say which file, which field and why.
import { describe, expect, it } from 'vitest';
import { rejectionOf } from './fixtures.ts';

describe('content errors', () => {
  it('names file and field for a missing page title', () => {
    expect(rejectionOf({ 'pages/m_manager.md': (t) => t.replace(/^title: .*$/m, '') })).toMatch(/content\/pages\/m_manager\.md: title: /);
  });

  it('rejects a quiz without a correct choice', () => {
    expect(rejectionOf({ 'stories/story1.yaml': (t) => t.replace(/correct: true/g, 'correct: false') })).toMatch(
      /content\/stories\/story1\.yaml: quizzes\.0\.choices: at least one choice must be correct/,
    );
  });

  it('rejects a placeholder anywhere in the text', () => {
    expect(rejectionOf({ 'pages/m_decide.md': (t) => `${t}\n\n技術等情報の例\n\nX.X 追加予定\n` })).toMatch(
      /content\/pages\/m_decide\.md: body: contains a placeholder/,
    );
  });

  it('rejects a link to a page that does not exist', () => {
    expect(rejectionOf({ 'pages/importance.md': (t) => `${t}\n\n[どこか](page:no_such_page)\n` })).toMatch(
      /content\/pages\/importance\.md: body: link to unknown page "no_such_page"/,
    );
  });

  it('rejects an unknown widget and a disallowed HTML tag', () => {
    const message = rejectionOf({ 'pages/measures.md': (t) => `${t}\n[[widget:spinning-logo]]\n\n<script>alert(1)</script>\n` });
    expect(message).toMatch(/measures\.md: body: unknown widget "spinning-logo"/);
    expect(message).toMatch(/measures\.md: body: HTML tag <script> is not allowed/);
  });

  it('reports YAML syntax errors with the file', () => {
    expect(rejectionOf({ 'stories/story2.yaml': (t) => t.replace('quizzes:', 'quizzes: [unclosed') })).toMatch(
      /content\/stories\/story2\.yaml: .*not valid YAML/,
    );
  });

  it('rejects a quiz id used twice and a page missing from the menu', () => {
    const message = rejectionOf({
      'stories/story2.yaml': (t) => t.replace('id: q2_1', 'id: q1_1'),
      'course.yaml': (t) => t.replace('m_manager, ', ''),
    });
    expect(message).toMatch(/quiz id "q1_1" is used twice/);
    expect(message).toMatch(/content\/pages\/m_manager\.md: id: page "m_manager" is not listed under any section/);
  });

  it('rejects a pass mark outside 0–100', () => {
    expect(rejectionOf({ 'course.yaml': (t) => t.replace(/^passMark: .*$/m, 'passMark: 180') })).toMatch(/content\/course\.yaml: passMark: /);
  });
});
