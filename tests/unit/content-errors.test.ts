// Broken content must stop the build and say which file, which field and why.
import { describe, expect, it } from 'vitest';
import { rejectionOf } from './fixtures.ts';

describe('content errors', () => {
  it('names file and field for a missing page title', () => {
    expect(rejectionOf({ 'pages/m_manager.md': (t) => t.replace(/^title: .*$/m, '') })).toMatch(/content\/pages\/m_manager\.md: title: /);
  });

  it('says what an owner editing course.yaml most likely did: a key added twice, a value left out, unquoted, or not a whole number', () => {
    const twice = rejectionOf({ 'course.yaml': (t) => `${t}\ncompletion: { allPages: true, passingScore: true, checklist: false, sections: [check] }\n` });
    expect(twice).toMatch(/content\/course\.yaml: line \d+: not valid YAML: Map keys must be unique — "completion: \{ allPages: true, passingScore: true, checklist: false, sections: \[check\] \}" \(a key given twice: change the line already in the file instead of adding another\)/);
    // reported once: not again as an empty document
    expect(twice).toMatch(/content has 1 problem\(s\)/);
    expect(twice).not.toMatch(/\n\s+at /);
    const values = rejectionOf({
      'course.yaml': (t) => `${t.replace(/^passMark: 80$/m, 'passMark: 72.5').replace(/^version: .*$/m, '')}\ncompany:\n  name: 株式会社テスト\n  brandColor: #7a1f5c\n`,
    });
    expect(values).toMatch(/content\/course\.yaml: passMark: must be a whole number from 0 to 100/);
    expect(values).toMatch(/content\/course\.yaml: version: is missing: write e\.g\. version: 1\.0\.0/);
    expect(values).toMatch(/content\/course\.yaml: company\.brandColor: is empty: write the colour in quotes, e\.g\. brandColor: "#7a1f5c"/);
    expect(rejectionOf({ 'course.yaml': (t) => t.replace(/^version: .*$/m, 'version: 1.0') })).toMatch(/version: must look like 1\.0 or 1\.0\.0; YAML reads 1\.0 as a number, so write "1\.0" in quotes/);
    expect(rejectionOf({ 'course.yaml': (t) => t.replace(/^passMark: 80$/m, '') })).toMatch(/passMark: is missing: write e\.g\. passMark: 80/);
  });

  it('rejects a quiz without a correct choice', () => {
    expect(rejectionOf({ 'stories/story1.yaml': (t) => t.replace(/correct: true/g, 'correct: false') })).toMatch(
      /content\/stories\/story1\.yaml: quizzes\.0\.choices: at least one choice must be correct/,
    );
  });

  it('rejects a quiz number used twice (LMS reports tell quizzes apart by it)', () => {
    expect(rejectionOf({ 'stories/story3.yaml': (t) => t.replace('number: "3-2"', 'number: "3-1"') })).toMatch(
      /content\/stories\/story3\.yaml: quizzes\.1\.number: 3-1 is already used by another quiz/,
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
    expect(message).toMatch(/measures\.md: body line \d+: unknown widget "spinning-logo"/);
    expect(message).toMatch(/measures\.md: body: HTML tag <script> is not allowed/);
  });

  it('rejects an unknown icon with file, field and reason, wherever it is named', () => {
    const message = rejectionOf({
      'pages/m_access.md': (t) => t.replace('icon: lucide:key-round', 'icon: lucide:no-such-key'),
      'course.yaml': (t) => t.replace('icon: fluent-emoji-flat:books', 'icon: clipart:books'),
      'cast.yaml': (t) => t.replace('icon: fluent-emoji-flat:automobile', 'icon: fluent-emoji-flat:hovercar'),
      'pages/m_process.md': (t) => t.replace('[[card: 複製 | icon: lucide:copy]]', '[[card: 複製 | icon: lucide:photocopier]]'),
    });
    expect(message).toMatch(/content\/pages\/m_access\.md: icon: unknown icon "lucide:no-such-key": @iconify-json\/lucide has no icon "no-such-key"/);
    expect(message).toMatch(/content\/course\.yaml: sections\.3\.icon: unknown icon set "clipart"/);
    expect(message).toMatch(/content\/cast\.yaml: cast\.3\.icon: unknown icon "fluent-emoji-flat:hovercar"/);
    expect(message).toMatch(/content\/pages\/m_process\.md: body line \d+: unknown icon "lucide:photocopier"/);
  });

  it('rejects misplaced or unclosed tabs, cards and disclosures, and a story naming someone not in the cast', () => {
    const message = rejectionOf({
      'pages/importance.md': (t) => `${t}
[[tabs]]
[[tab: ひとつ]]
本文
`,
      'pages/m_training.md': (t) => `${t}
[[card: 外のカード]]

[[details]]
本文
[[/details]]
[[spinner]]
`,
      'stories/story2.yaml': (t) => t.replace('cast: [x, a_company]', 'cast: [x, z_san]'),
    });
    expect(message).toMatch(/importance\.md: body line \d+: \[\[tabs\]\] is never closed with \[\[\/tabs\]\]/);
    expect(message).toMatch(/m_training\.md: body line \d+: \[\[card: …\]\] belongs inside \[\[cards\]\]/);
    expect(message).toMatch(/m_training\.md: body line \d+: \[\[details: …\]\] needs the text of its summary/);
    expect(message).toMatch(/m_training\.md: body line \d+: unknown directive \[\[spinner\]\]/);
    expect(message).toMatch(/story2\.yaml: cast\.1: no one with id "z_san" in content\/cast\.yaml/);
  });

  it("rejects a heading in a card that does not stand one level below the card's title", () => {
    const message = rejectionOf({
      // the cards here are h2: their sections are ###
      'pages/leak_cases.md': (t) => t.replace('### 想定される原因', '#### 想定される原因'),
      // below the page's ## sections the cards are h3: theirs are ####
      'pages/m_training.md': (t) => `${t}
## 節

[[cards]]
[[card: カード]]
### 見出し

本文
[[/cards]]
`,
    });
    expect(message).toMatch(/leak_cases\.md: body line \d+: "#### 想定される原因" in \[\[card: A社（個人情報流出）\]\]: a heading in a card stands one level below the card's title, ### here/);
    expect(message).toMatch(/m_training\.md: body line \d+: "### 見出し" in \[\[card: カード\]\]: .*, #### here/);
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

  // issue 13, item 4: the browser completes an unterminated tag with whatever follows, and runs its handler
  it('rejects an unterminated tag inside an allowed block, naming the attribute', () => {
    const message = rejectionOf({ 'pages/m_manager.md': (t) => `${t}\n<div class="note">\n<img src=x onerror=alert(1) \n\n続きの文。\n` });
    expect(message).toMatch(/content\/pages\/m_manager\.md: body: .*(<img>|not closed)/);
  });

  it('rejects an event handler or style on an allowed tag', () => {
    expect(rejectionOf({ 'pages/m_manager.md': (t) => `${t}\n<span class="note" onmouseover="alert(1)">x</span>\n` })).toMatch(
      /content\/pages\/m_manager\.md: body: HTML attribute onmouseover="alert\(1\)" on <span> is not allowed/,
    );
    expect(rejectionOf({ 'stories/story1.yaml': (t) => t.replace(/explanation: /, 'explanation: <em style="x">a</em> ') })).toMatch(
      /content\/stories\/story1\.yaml: quizzes\.0\.explanation: HTML attribute style="x" on <em> is not allowed/,
    );
  });

  // issue 13, item 10
  it('rejects a javascript: link instead of showing it as raw Markdown', () => {
    expect(rejectionOf({ 'pages/reference.md': (t) => `${t}\n\n[押してください](javascript:alert(1))\n` })).toMatch(
      /content\/pages\/reference\.md: body: link "javascript:alert\(1\)" must be page:<id>, story:<id> or an https:\/\/ address/,
    );
  });

  it('refuses a Shift_JIS (CP932) file, naming it', () => {
    // 技術 in CP932: bytes that are not UTF-8
    const sjis = (t: string) => Buffer.concat([Buffer.from(t), Buffer.from([0x8b, 0x5a, 0x8f, 0x70, 0x0a])]);
    expect(rejectionOf({ 'pages/m_manager.md': sjis })).toMatch(/content\/pages\/m_manager\.md: the file is not UTF-8 text \(is it Shift_JIS \/ CP932\?\)/);
    expect(rejectionOf({ 'stories/story2.yaml': sjis })).toMatch(/content\/stories\/story2\.yaml: the file is not UTF-8 text/);
  });

  it('refuses a page over the size limit', () => {
    expect(rejectionOf({ 'pages/m_manager.md': (t) => `${t}\n${'情報管理の説明。'.repeat(6000)}\n` })).toMatch(
      /content\/pages\/m_manager\.md: the file is [\d,]+ characters, over the limit of 40,000/,
    );
  });

  it('refuses a choice letter the saved progress cannot hold', () => {
    expect(rejectionOf({ 'stories/story1.yaml': (t) => t.replace(/id: c\b/, 'id: z') })).toMatch(
      /content\/stories\/story1\.yaml: quizzes\.0\.choices\.2\.id: must be one letter a–j/,
    );
  });

  it('names a missing interface word, a lost placeholder and an unknown one in ui.yaml', () => {
    const message = rejectionOf({
      'ui.yaml': (t) => t.replace(/^  submit: .*\n/m, '').replace('  best: 最高 {best}/{total}問', '  best: 最高 {best}問').replace('受講者：{name}', '受講者：{user}'),
    });
    expect(message).toMatch(/content\/ui\.yaml: quiz\.submit: /);
    expect(message).toMatch(/content\/ui\.yaml: story\.best: must use the placeholder\(s\) \{total\}/);
    expect(message).toMatch(/content\/ui\.yaml: menu\.learner: must use the placeholder\(s\) \{name\}/);
    expect(message).toMatch(/content\/ui\.yaml: menu\.learner: unknown placeholder\(s\) \{user\}; this text takes \{name\}/);
  });

  it('rejects checklist levels out of order or without a floor', () => {
    const message = rejectionOf({ 'checklist.yaml': (t) => t.replace('- min: 70', '- min: 95').replace('- min: 0', '- min: 10') });
    expect(message).toMatch(/content\/checklist\.yaml: levels: must go from the highest min down/);
    expect(message).toMatch(/content\/checklist\.yaml: levels: the last level must have min: 0/);
  });
});

describe('content encoding', () => {
  it('accepts a UTF-8 file that starts with a BOM, and drops the BOM', async () => {
    const { mkdtempSync, cpSync, readFileSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { compileContent } = await import('../../scripts/content/compile.ts');
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    try {
      cpSync('content', join(dir, 'content'), { recursive: true });
      for (const f of ['pages/m_manager.md', 'course.yaml']) {
        const path = join(dir, 'content', f);
        writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(path)]));
      }
      const course = compileContent(join(dir, 'content'));
      const page = course.pages.find((p) => p.id === 'm_manager')!;
      expect(page.title).not.toMatch(/\uFEFF/);
      expect(course.meta.id).toBe(compileContent('content').meta.id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
