// The course in browser engines other than Chromium, driven over WebDriver's
// commands (the Session of ./webdriver.ts): WebKit, the engine of Safari and
// of every browser on an iPhone (./webkit.spec.ts), and Gecko, Firefox's, which
// companies roll out as its ESR (./firefox.spec.ts). A learner's clicks reach
// the LMS, a relaunch resumes, and the Japanese lines hold: neither engine
// breaks between phrases on its own as Chromium does (word-break: auto-phrase),
// and WebKit breaks a line at every <wbr>, where Chromium still keeps its
// punctuation rules, so what linebreak.spec.ts sees in Chromium is not enough:
// 「次のセクションへ／：参考情報」 and 「正解する（／得点80点以上）」 were drawn so in
// WebKit. HR's report page, opened from the disk, makes its report in each.
import { basename, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startLmsHost, type LmsHost } from '../../scripts/lms-host/server.ts';
import { hostUrl } from '../../scripts/lms-host/driver.ts';
import { course, keyOf } from './course-driver.ts';
import { LABELLED, linesOnScreen, MEASURED, type Lines } from './lines.ts';
import { cliReport, FIXTURES, REPORT_PAGE } from './report-cli.ts';
import { poll, type Engine, type Session } from './webdriver.ts';

/**
 * The checks, in one spec file's worker: `name` is the engine as the tests'
 * titles and the learners' ids name it, `start` opens a browser.
 */
export function engineChecks(name: string, start: () => Promise<Engine>): void {
  test.describe(name, () => {
    // in order in one worker (one browser), a failure not skipping the rest
    test.describe.configure({ mode: 'default' });

    let host: LmsHost;
    let engine: Engine | undefined;
    let browser: Session;
    test.beforeAll(async () => {
      host = await startLmsHost();
      engine = await start();
      browser = engine.session;
      await browser.setWindow(1400, 900);
    });
    test.afterAll(async () => {
      await browser?.quit().catch(() => {});
      await engine?.stop();
      await host?.close();
    });

    const NAME = '山田, 花子';
    const LEARNER = { v: '2004', name: NAME } as const;

    /** how each version's data model spells the answer, the place and the status (the SCORM books, not the course's code) */
    const SPELLING = {
      '1.2': { response: 'cmi.interactions.0.student_response', join: ',', location: 'cmi.core.lesson_location', status: 'cmi.core.lesson_status' },
      '2004': { response: 'cmi.interactions.0.learner_response', join: '[,]', location: 'cmi.location', status: 'cmi.completion_status' },
    } as const;

    /**
     * Into the LMS host's course frame, once its script has taken over the welcome
     * screen. From the top each time: once, on a loaded machine, the frame entered
     * right after a launch was gone by the next command ("no such window").
     */
    async function intoCourse(): Promise<void> {
      await poll('the live welcome screen in the course frame', async () => {
        await browser.frame(null);
        await browser.frame(await browser.find('#course'));
        return browser.run<boolean>(`return !!document.querySelector('#app:not([data-prerendered]) main section.welcome h1')`);
      });
    }

    const textOf = (css: string) => browser.run<string | null>(`return document.querySelector(arguments[0])?.textContent ?? null`, css);

    for (const v of ['1.2', '2004'] as const) {
      test(`SCORM ${v} in the LMS host: はじめる, a quiz answered by clicks reaches the LMS; a relaunch offers 続きから and lands on that quiz`, async () => {
        const learner = { v, name: NAME, learner: `${name.toLowerCase()}-${v}` };
        const spelt = SPELLING[v];
        await browser.go(hostUrl(host.url, { ...learner, fresh: true }));
        await intoCourse();
        expect(await textOf('[data-testid=welcome-go]')).toBe('はじめる');
        await browser.click(await browser.find('[data-testid=welcome-go]'));
        await browser.until('the menu', `return !!document.querySelector('main section.menu h1')`);

        await browser.run(`location.hash = '#/q/q1_1'`);
        await browser.until('quiz 1-1', `return document.querySelector('main h1')?.textContent.includes('クイズ1-1')`);
        const key = keyOf('q1_1');
        for (const letter of key) await browser.click(await browser.find(`input[name=choice][value=${letter}]`));
        const submit = await browser.until<Record<string, string>>('解答する', `return [...document.querySelectorAll('main button')].find((b) => b.textContent.includes('解答する'))`);
        await browser.click(submit);
        const verdict = await browser.until<string>('the verdict', `return document.querySelector('[data-testid=verdict]')?.textContent`);
        expect(verdict).toContain('正解');
        expect(verdict).not.toContain('不正解');

        // the LMS's side: the answer as the version spells it, in the host's strict checks
        await browser.frame(null);
        const cmi = await browser.until<Record<string, string>>(
          'the answer in the LMS',
          `const c = window.lmsHost.cmi(); return c['cmi.interactions.0.result'] === 'correct' ? c : null`,
        );
        expect(cmi['cmi.interactions.0.id']).toBe('q1_1');
        expect(cmi[spelt.response]).toBe([...key].join(spelt.join));
        expect(cmi[spelt.location]).toBe('/q/q1_1');
        expect(cmi[spelt.status]).toBe('incomplete');
        expect(await browser.run('return window.lmsHost.violations')).toEqual([]);

        // the learner comes back: the same attempt, the welcome screen's button leads to where they were
        await browser.go(hostUrl(host.url, learner));
        await intoCourse();
        expect(await textOf('[data-testid=welcome-go]')).toContain('続きから');
        await browser.click(await browser.find('[data-testid=welcome-go]'));
        await browser.until('quiz 1-1 again, answered', `return document.querySelector('main h1')?.textContent.includes('クイズ1-1') && !!document.querySelector('[data-testid=verdict]')`);
      });
    }

    const screens = [
      '#/start',
      '#/',
      ...course.pages.map((p) => `#/p/${p.id}`),
      ...course.stories.map((s) => `#/s/${s.id}`),
      '#/q/q1_1',
      `#/s/${course.stories[0].id}/result`,
      '#/checklist',
    ];

    for (const [width, height] of [
      [360, 740],
      [1366, 768],
    ]) {
      test(`at ${width} px no label leaves one character alone on a line, no paragraph ends on one, no line starts with closing punctuation or ends with an opening bracket, and prose breaks only between phrases`, async () => {
        test.setTimeout(180_000);
        await browser.go(hostUrl(host.url, LEARNER));
        // the course's frame as a phone's or a laptop's screen
        await browser.run(`const f = document.getElementById('course'); f.style.width = arguments[0] + 'px'; f.style.height = arguments[1] + 'px';`, width, height);
        await intoCourse();
        const problems: string[] = [];
        let labels = 0;
        let breaks = 0;
        for (const hash of screens) {
          await browser.run(`location.hash = arguments[0]`, hash);
          // drawn: the address's screen is in the page (the welcome screen has its own)
          await browser.until(hash, `return !!document.querySelector(arguments[0])`, hash === '#/start' ? 'main section.welcome h1' : hash === '#/' ? 'main section.menu h1' : 'main article h1');
          await browser.until(`${hash} settled`, `return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`);
          expect(await browser.run<number>('return innerWidth')).toBe(width);
          labels += await browser.run<number>(`return document.querySelectorAll(arguments[0]).length`, LABELLED);
          const lines = await browser.run<Lines>(`return (${linesOnScreen.toString()})(arguments[0])`, MEASURED);
          breaks += lines.breaks;
          for (const o of lines.orphans) problems.push(`${hash} one character alone: ${o}`);
          for (const k of lines.kinsoku) problems.push(`${hash} punctuation at a line's edge: ${k}`);
          for (const b of lines.outside) problems.push(`${hash} inside a phrase: ${b}`);
          for (const w of lines.widows) problems.push(`${hash} a last line of one character: ${w}`);
        for (const m of lines.marks) problems.push(`${hash} a phrase mark drawn as a character: ${m}`);
        }
        expect(labels, 'labels measured').toBeGreaterThan(250);
        expect(breaks, 'line breaks in marked text measured').toBeGreaterThan(width < 400 ? 250 : 100);
        expect(problems).toEqual([]);
      });
    }

    // HR on a Mac opens the report page in Safari, elsewhere perhaps in Firefox: from the disk, as report-page.spec.ts does in Chromium
    test("HR's report page: Moodle's text, Excel and ODS downloads chosen give the report npm run report writes, in a frame as tall as it; nothing is asked for, nothing fails", async () => {
      await browser.go(REPORT_PAGE);
      await browser.run(`window.failures = []; addEventListener('error', (e) => failures.push(e.message)); addEventListener('unhandledrejection', (e) => failures.push(String(e.reason))); addEventListener('securitypolicyviolation', (e) => failures.push(e.blockedURI))`);
      for (const [version, format] of [
        ['scorm12', 'txt'],
        ['scorm2004', 'xlsx'],
        ['scorm2004', 'ods'],
      ]) {
        const files = ['basic', 'interactions'].map((k) => join(FIXTURES, `${version}-${k}.${format}`));
        await browser.type(await browser.find('input[type=file]'), files.join('\n'));
        const status = await browser.until<string>(
          `the report from ${basename(files[0])}`,
          `const s = document.getElementById('status'); return s.className === 'error' || s.textContent.includes(arguments[0]) ? s.textContent : null`,
          `${basename(files[0])}、`,
        );
        expect(status).toContain('レポートを作成しました');
        expect(await browser.run<string>(`return document.getElementById('report').srcdoc`), `${version}.${format}`).toBe(cliReport(files));
        // the page scrolls, not the frame inside it; measured once the frame holds this report (it names its files), not the one before
        const { inner, frame } = await browser.until<{ inner: number; frame: number }>(
          'the report drawn in its frame',
          `const f = document.getElementById('report'); const d = f.contentDocument; return d?.body?.textContent.includes(arguments[0]) ? { inner: d.documentElement.scrollHeight, frame: f.clientHeight } : null`,
          basename(files[0]),
        );
        expect(inner, `${version}.${format}: the report's height`).toBeGreaterThan(1000);
        expect(frame, `${version}.${format}: the frame's`).toBeGreaterThanOrEqual(inner);
      }
      expect(await browser.run('return failures')).toEqual([]);
      const asked = await browser.run<string[]>(
        `return [performance, document.getElementById('report').contentWindow.performance].flatMap((p) => p.getEntriesByType('resource').map((e) => e.name))`,
      );
      expect(asked).toEqual([]);
    });
  });
}
