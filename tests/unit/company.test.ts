// The training owner's company settings in course.yaml: what a good set puts
// in the course, and how a bad one stops the build (file, field, reason).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import { contrast } from '../../scripts/content/company.ts';
import { evaluate } from '../../src/model/progress.ts';
import { emptyState } from '../../src/model/state.ts';
import { rejectionOf } from './fixtures.ts';
import { writeCompanyContent } from '../fixtures/company.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function contentWithCompany(): string {
  const dir = mkdtempSync(join(tmpdir(), 'company-'));
  dirs.push(dir);
  return writeCompanyContent(dir);
}

describe('company settings', () => {
  it('a full set: name, sanitised logo, colour and contact, placed on the report-rule page and in story 4', () => {
    const course = compileContent(contentWithCompany());
    const company = course.meta.company!;
    expect(company.name).toBe('株式会社テスト精機');
    expect(company.brandColor).toBe('#7a1f5c');
    expect(company.logoSvg).toMatch(/^<svg[^>]*viewBox="0 0 120 30"/);
    expect(company.logoSvg).not.toContain('<?xml');
    const block = '<div class="note company-contact"><p><strong>情報漏えい等の報告先</strong></p><p>総務部 情報管理担当 &lt;山田&gt;<br>電話: 03-1234-5678<br>メール: joho@example.co.jp</p></div>';
    const page = course.pages.find((p) => p.id === 'm_reporting')!;
    expect(page.blocks.map((b) => (b.type === 'html' ? b.html : '')).join('')).toContain(block);
    expect(course.quizzes.find((q) => q.id === 'q4_1')!.explanation).toContain(block);
  });

  it('without any setting the course carries no company and no contact block', () => {
    const course = compileContent('content');
    expect(course.meta.company).toBeUndefined();
    const all = JSON.stringify(course);
    expect(all).not.toContain('company-contact');
    expect(all).not.toContain('[[contact]]');
  });

  it('refuses a brand colour without AA contrast, naming file, field and the failing surface', () => {
    const message = rejectionOf({ 'course.yaml': (t) => `${t}\ncompany:\n  brandColor: "#5b9bd5"\n` });
    expect(message).toMatch(/content\/course\.yaml: company\.brandColor: #5b9bd5 has a contrast of \d\.\d\d:1 against the page \(--paper\) #ffffff; WCAG AA needs 4\.5:1/);
    expect(contrast('#5b9bd5', '#ffffff')).toBeLessThan(4.5);
  });

  it('refuses a missing logo file', () => {
    expect(rejectionOf({ 'course.yaml': (t) => `${t}\ncompany:\n  logo: logo.svg\n` })).toMatch(
      /content\/course\.yaml: company\.logo: file content\/logo\.svg is missing/,
    );
  });

  it('refuses a logo that could run script or fetch something', () => {
    const message = rejectionOf({
      'course.yaml': (t) => `${t}\ncompany:\n  logo: logo.svg\n`,
      'logo.svg': () => '<svg viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><image href="https://example.com/x.png"/><rect fill="url(https://example.com/p)"/></svg>',
    });
    expect(message).toMatch(/company\.logo: content\/logo\.svg attribute onload on <svg> is not allowed/);
    expect(message).toMatch(/company\.logo: content\/logo\.svg element <script> is not allowed/);
    expect(message).toMatch(/company\.logo: content\/logo\.svg element <image> is not allowed/);
    expect(message).toMatch(/company\.logo: content\/logo\.svg attribute fill="url\(https:\/\/example\.com\/p\)" refers outside the logo/);
  });

  it('refuses a contact with neither phone nor mail', () => {
    expect(rejectionOf({ 'course.yaml': (t) => `${t}\ncompany:\n  contact:\n    name: 総務部\n` })).toMatch(
      /content\/course\.yaml: company\.contact: give a phone number or a mail address/,
    );
  });

  it('completion.sections: only the named areas’ pages count', () => {
    const course = compileContent('content');
    const only = { ...course, meta: { ...course.meta, completion: { ...course.meta.completion, sections: ['check' as const] } } };
    const checkPages = course.sections.find((s) => s.id === 'check')!.pages;
    const p = evaluate(only, { ...emptyState(), visited: checkPages });
    expect(p.pagesTotal).toBe(checkPages.length);
    expect(p.pagesVisited).toBe(checkPages.length);
    expect(evaluate(course, { ...emptyState(), visited: checkPages }).pagesTotal).toBe(course.pages.length);
  });
});
