// The course in Gecko, Firefox's engine (companies roll Firefox out as its ESR),
// through Firefox's own Marionette server (./marionette.ts); the checks shared
// with WebKit: ./engine-checks.ts. Firefox also prints over WebDriver, which
// WebKit's server cannot: the 修了証 as Firefox puts it on paper.
import { expect, test } from '@playwright/test';
import { COMPLETED } from './a11y-driver.ts';
import { COURSE_ORIGIN, COURSE_URL, course } from './course-driver.ts';
import { engineChecks } from './engine-checks.ts';
import { startFirefox, type Firefox } from './marionette.ts';
import { expectCertificateText, readPdf } from './pdf.ts';
import { encodeState } from '../../src/model/codec.ts';
import { storageKey } from '../../src/tracking/standalone.ts';

engineChecks('Firefox', startFirefox);

test.describe('Firefox prints', () => {
  let firefox: Firefox | undefined;
  test.beforeAll(async () => {
    firefox = await startFirefox();
  });
  test.afterAll(async () => {
    await firefox?.session.quit().catch(() => {});
    await firefox?.stop();
  });

  test('the 修了証 with a typed name: one A4 sheet, landscape, its words as text, no control on it', async () => {
    const ff = firefox!.session;
    // the finished course as an earlier visit saved it, written from a page of the course's
    // origin that does not run it (the course saves its own state as it leaves)
    await ff.go(`${COURSE_ORIGIN}/no-course-here`);
    await ff.run(`localStorage.clear(); localStorage.setItem(arguments[0], arguments[1])`, storageKey(course.meta.id), encodeState(COMPLETED));
    await ff.go(`${COURSE_URL}#/complete`);
    await ff.type(await ff.until('the name input', `return document.getElementById('cert-name')`), '研修 花子');
    await ff.until('the typed name on the certificate', `return document.querySelector('[data-testid=certificate-name]')?.textContent.includes('研修 花子')`);
    // the paper the certificate's @page asks for, as Firefox's print dialog then offers it
    const sheets = await readPdf(await firefox!.print({ orientation: 'landscape', page: { width: 21, height: 29.7 }, background: true }));
    expect(sheets, 'sheets').toHaveLength(1);
    // A4 landscape, 297 × 210 mm in points, give or take the point Firefox rounds to
    expect(Math.abs(sheets[0].width - 841.89), `width ${sheets[0].width}`).toBeLessThan(1);
    expect(Math.abs(sheets[0].height - 595.28), `height ${sheets[0].height}`).toBeLessThan(1);
    expectCertificateText(sheets[0], ['修了証', '研修花子殿', `${course.meta.title}（第${course.meta.version}版）`, '100点', '2026年12月2日']);
  });
});
