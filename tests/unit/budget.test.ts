// The size budgets of the quality bar, on the built files (`npm test` builds
// first). The resume-state budget is checked by tracking-codec.test.ts; the
// timings npm run bench prints are never asserted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HTML_GZIP_BUDGET, ZIP_BUDGET, buildSizes } from '../../scripts/bench/budgets.ts';
import { COURSE_HTML } from '../../scripts/package/targets.ts';
import { realCourse } from './fixtures.ts';
import { usedIcons } from '../../scripts/content/icons.ts';
import { iconId } from '../../src/content/icon-id.ts';
import { parseCourseData } from '../../src/content/island.ts';
import { median, quantile } from '../../scripts/bench/paint.ts';

const sizes = buildSizes();

describe('size budgets', () => {
  it(`index.html is at most ${HTML_GZIP_BUDGET.toLocaleString('en-US')} bytes gzipped`, () => {
    expect(sizes.htmlGzipBytes).toBeLessThanOrEqual(HTML_GZIP_BUDGET);
  });

  for (const p of sizes.packages)
    it(`the SCORM ${p.version} package (${p.file}) is at most ${ZIP_BUDGET.toLocaleString('en-US')} bytes`, () => {
      expect(p.bytes).toBeLessThanOrEqual(ZIP_BUDGET);
    });
});

describe('what the bytes are', () => {
  const html = readFileSync(COURSE_HTML, 'utf8');

  it('the course text travels once, as the JSON island, not inside the script too', () => {
    const island = /<script type="application\/json" id="course-data">([\s\S]*?)<\/script>/.exec(html);
    expect(island).not.toBeNull();
    // the whole compiled course, nothing lost to the island's key order or escaping;
    // the page's copy adds phrase marks (U+200B, spelled ^ there) to its prose and holds the
    // source's 「着用 等」 together with a no-break space (&nbsp; in HTML), and the interface's
    // 「80点） ・ 合格まで」 before its dot, and only those
    const unmarked = (text: string) =>
      JSON.parse(
        text
          .replaceAll('\u200b', '')
          .replaceAll('\u00a0等', ' 等')
          .replaceAll('&nbsp;等', ' 等')
          .replaceAll('\u00a0・', ' ・'),
      );
    expect(island![1]).toContain('^');
    expect(island![1]).not.toContain('\u200b');
    expect(unmarked(JSON.stringify(parseCourseData(island![1])))).toEqual(unmarked(JSON.stringify(realCourse())));
    const course = realCourse();
    // a page's navigation label travels only where it is not its title
    const labelled = course.pages.filter((p) => p.navLabel !== p.title);
    expect(labelled.length).toBeGreaterThan(0);
    expect(island![1].split('"navLabel":').length - 1).toBe(labelled.length);
    const script = /<script type="module"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1];
    expect(script).not.toContain(course.meta.description);
    expect(script).not.toContain(course.quizzes[0].explanation.slice(0, 40));
  });

  it('inlines each icon the content names once, and no other', () => {
    const symbols = [...html.matchAll(/<symbol id="([^"]+)"/g)].map((m) => m[1]);
    const named = [...usedIcons(realCourse())].map(iconId);
    expect(named.length).toBeGreaterThan(20);
    expect(new Set(symbols).size).toBe(symbols.length);
    expect(symbols.sort()).toEqual(named.sort());
    // a picture's paths travel in its symbol only, not again in the course data
    const island = /<script type="application\/json" id="course-data">([\s\S]*?)<\/script>/.exec(html)![1];
    expect(island).not.toContain('<path');
  });

  it('carries the first screen drawn, before the script', () => {
    const app = html.indexOf('<div id="app" data-prerendered>');
    expect(app).toBeGreaterThan(0);
    expect(html.slice(app, app + 20000)).toContain(`<h1>`);
    expect(html.indexOf('<script type="module"')).toBeGreaterThan(app);
  });

  it('no LMS-side code (scorm-again) is bundled', () => {
    // scorm-again's own error strings; the course only ever calls an LMS's API
    for (const text of ['Data Model Dependency Not Established', 'General Initialization Failure']) expect(html).not.toContain(text);
  });
});

describe("the bench's summary of its timings", () => {
  it('takes medians and quartiles between neighbours, whatever the order measured', () => {
    expect(median([300, 100, 200])).toBe(200);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // a quarter of the way from the first to the last of four values: 1 + 0.75 × (2 − 1)
    expect(quantile([2, 4, 1, 3], 0.25)).toBe(1.75);
    expect(quantile([2, 4, 1, 3], 0.75)).toBe(3.25);
    expect(quantile([7], 0.25)).toBe(7);
  });
});
