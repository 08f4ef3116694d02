// npm run screenshots: the README's screenshots, from the built course
// (npm run build first) in Chromium at 360×740 and 1366×768, and the
// certificate's print as a PDF turned into a PNG (poppler's pdftoppm). PNGs
// are squeezed with pngquant when it is installed. Written to docs/screenshots/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './browser.ts';
import { onPath } from './on-path.ts';
import { compileContent } from './content/compile.ts';
import { encodeState } from '../src/model/codec.ts';
import { answerKey } from '../src/model/scoring.ts';
import { dayStamp } from '../src/model/day.ts';
import type { LearnerState } from '../src/model/state.ts';
import { storageKey } from '../src/tracking/standalone.ts';

const OUT = 'docs/screenshots';
const course = compileContent('content');
const url = pathToFileURL(join(process.cwd(), 'dist/course/index.html')).href;
const key = (id: string) => answerKey(course.quizzes.find((q) => q.id === id)!);
const wrong = (id: string) => (key(id) === 'a' ? 'b' : 'a');

/** partway: the first two sections read, story 1 taken with one mistake */
const midway: LearnerState = {
  visited: [...course.sections[0].pages, ...course.sections[1].pages, 'measures', 'm_decide'],
  location: '/p/m_decide',
  answers: Object.fromEntries(course.stories[0].quizzes.map((q) => [q, q === 'q1_2' ? wrong(q) : key(q)])),
  stories: { [course.stories[0].id]: { best: course.stories[0].quizzes.length - 1, attempts: 1 } },
  checklist: {},
  passed: false,
};

/** the end: every page, every quiz right but the last, passed today */
const finished: LearnerState = {
  visited: course.pages.map((p) => p.id),
  location: '/complete',
  answers: Object.fromEntries(course.quizzes.map((q) => [q.id, q.id === 'q4_3' ? wrong(q.id) : key(q.id)])),
  stories: Object.fromEntries(course.stories.map((s) => [s.id, { best: s.quizzes.length - (s.quizzes.includes('q4_3') ? 1 : 0), attempts: 1 }])),
  checklist: {},
  passed: true,
  completedOn: dayStamp(new Date()),
};

async function open(page: Page, state: LearnerState, hash: string, ready: string): Promise<void> {
  await page.addInitScript(
    ([k, v, nameKey]) => {
      localStorage.setItem(k, v);
      localStorage.setItem(nameKey, '研修 花子');
    },
    [storageKey(course.meta.id), encodeState(state), `course:${course.meta.id}:name`] as const,
  );
  await page.goto(url + hash);
  // the script has taken over the prerendered first screen
  await page.locator('#app:not([data-prerendered])').waitFor();
  await page.locator(ready).first().waitFor();
  // the notice that progress stays in this browser is closed, as a learner would
  const close = page.locator('[data-notice=standalone] button');
  if (await close.count()) await close.click();
}

const shots: Array<{ name: string; state: LearnerState; hash: string; ready: string; act?: (p: Page) => Promise<void> }> = [
  { name: 'welcome', state: { ...midway, visited: [], answers: {}, stories: {}, location: '' }, hash: '', ready: 'main section.welcome h1' },
  { name: 'menu', state: midway, hash: '#/', ready: 'main section.menu h1' },
  { name: 'measure-page', state: midway, hash: '#/p/m_access', ready: 'main article.page-m_access h1' },
  { name: 'story-start', state: midway, hash: '#/s/story2', ready: 'main article.story h1' },
  {
    name: 'quiz-answered',
    state: midway,
    hash: '#/q/q3_1',
    ready: 'main article.quiz h1',
    act: async (p) => {
      await p.locator('input[value=a]').check();
      await p.locator('input[value=b]').check();
      await p.getByRole('button', { name: '解答する' }).click();
      await p.getByTestId('verdict').waitFor();
      await p.waitForTimeout(300);
    },
  },
  { name: 'story-result', state: midway, hash: '#/s/story1/result', ready: '[data-testid=story-result]' },
  { name: 'completion', state: finished, hash: '#/complete', ready: '[data-testid=certificate]' },
];

function squeeze(file: string): void {
  try {
    execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=70-90', '--output', file, file]);
  } catch {
    // pngquant missing or nothing to gain: the plain PNG stays
  }
}

// asked first: without it the run would end after the screenshots with a stack trace and a stray PDF
if (!onPath('pdftoppm')) {
  console.error('npm run screenshots: pdftoppm not found; it turns the certificate\'s print into a PNG. Install poppler (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler). Nothing was written.');
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions('learner'));
for (const [label, viewport] of [['360x740', { width: 360, height: 740 }], ['1366x768', { width: 1366, height: 768 }]] as const) {
  for (const shot of shots) {
    const context = await browser.newContext({ viewport, locale: 'ja-JP', deviceScaleFactor: 1 });
    const page = await context.newPage();
    await open(page, shot.state, shot.hash, shot.ready);
    await shot.act?.(page);
    const file = join(OUT, `${label}-${shot.name}.png`);
    await page.screenshot({ path: file });
    squeeze(file);
    await context.close();
  }
}
// the certificate as printed: one A4 page, vector text
const context = await browser.newContext({ locale: 'ja-JP' });
const page = await context.newPage();
await open(page, finished, '#/complete', '[data-testid=certificate]');
await page.emulateMedia({ media: 'print' });
const pdf = join(OUT, 'certificate.pdf');
writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
await browser.close();
execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', pdf, join(OUT, 'certificate-print')]);
rmSync(pdf);
squeeze(join(OUT, 'certificate-print.png'));
console.log(`screenshots written to ${OUT}/`);
