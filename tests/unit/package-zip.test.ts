// The zips scripts/package.ts writes from the built course: what they hold,
// and that building again (another process, clock and time zone) gives the same bytes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compileContent } from '../../scripts/content/compile.ts';
import { withScormVersion } from '../../scripts/scorm-target.ts';
import { buildPackage } from '../../scripts/package/build.ts';
import { renderManifest } from '../../scripts/package/manifest.ts';
import { COURSE_HTML, PROJECT_ROOT, SCORM_12, SCORM_2004, TARGETS, packageFileName, type PackageTarget } from '../../scripts/package/targets.ts';
import { readZip } from '../../scripts/package/unzip.ts';
import { schemaProblems, structureProblems } from '../../scripts/package/validate.ts';
import { ZIP_ENTRY_MODE, deterministicZip } from '../../scripts/package/zip.ts';

const { meta } = compileContent('content');
let outDir = '';
let courseHtml = '';
const zipOf = (target: PackageTarget) => readFileSync(join(outDir, packageFileName(meta.id, target)));

beforeAll(() => {
  if (!existsSync(COURSE_HTML)) throw new Error('dist/course/index.html is missing: run `npm run build` first');
  outDir = mkdtempSync(join(tmpdir(), 'package-test-'));
  courseHtml = readFileSync(COURSE_HTML, 'utf8');
  execFileSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'package.ts'), '--out', outDir], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, TZ: 'Pacific/Kiritimati' },
    stdio: 'pipe',
  });
}, 60_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('package contents', () => {
  it('names the zips after the course id', () => {
    expect(packageFileName(meta.id, SCORM_12)).toBe('gijutsu-joho-kanri-scorm12.zip');
    expect(packageFileName(meta.id, SCORM_2004)).toBe('gijutsu-joho-kanri-scorm2004.zip');
  });

  it('1.2 holds exactly the manifest, the course and the three 1.2 control files', () => {
    expect(readZip(zipOf(SCORM_12)).map((e) => e.name)).toEqual([
      'imsmanifest.xml',
      'index.html',
      'imscp_rootv1p1p2.xsd',
      'adlcp_rootv1p2.xsd',
      'ims_xml.xsd',
    ]);
  });

  it('2004 holds exactly the manifest and the course', () => {
    expect(readZip(zipOf(SCORM_2004)).map((e) => e.name)).toEqual(['imsmanifest.xml', 'index.html']);
  });

  it.each(TARGETS.map((t) => [t.version, t] as const))('SCORM %s: index.html is the built course marked with its version', (version, target) => {
    const html = readZip(zipOf(target)).find((e) => e.name === 'index.html')!.data.toString('utf8');
    expect(html).toBe(withScormVersion(courseHtml, version));
    expect(html).toContain(`<meta name="scorm-version" content="${version}">`);
  });

  it.each(TARGETS.map((t) => [t.version, t] as const))('SCORM %s: the manifest inside the zip is valid and resolves', async (_, target) => {
    const manifest = readZip(zipOf(target)).find((e) => e.name === 'imsmanifest.xml')!.data.toString('utf8');
    expect(manifest).toBe(renderManifest(target, meta));
    expect(await schemaProblems(manifest, target)).toEqual([]);
    expect(await structureProblems(manifest, target)).toEqual([]);
  });

  it('ships the official 1.2 control files byte for byte', () => {
    for (const entry of readZip(zipOf(SCORM_12)).filter((e) => e.name.endsWith('.xsd'))) {
      expect(entry.data.equals(readFileSync(join(SCORM_12.schemaDir, entry.name))), entry.name).toBe(true);
    }
  });

  it('gives every entry the same fixed date and permissions', () => {
    for (const target of TARGETS) {
      const entries = readZip(zipOf(target));
      expect(new Set(entries.map((e) => e.dosDateTime)).size).toBe(1);
      expect(entries.every((e) => e.mode === ZIP_ENTRY_MODE)).toBe(true);
    }
  });
});

describe('deterministic zips', () => {
  it('a second build, in another process at another time, gives byte-identical zips', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-07-15T13:37:11Z'));
      for (const target of TARGETS) {
        const again = await buildPackage(target, meta, courseHtml);
        expect(again.zip.equals(zipOf(target)), target.version).toBe(true);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('a different course gives a different zip (the comparison can fail)', async () => {
    const changed = await buildPackage(SCORM_2004, meta, courseHtml.replace('</body>', '<!-- changed --></body>'));
    expect(changed.zip.equals(zipOf(SCORM_2004))).toBe(false);
  });

  it('refuses two entries with the same name', async () => {
    await expect(deterministicZip([{ name: 'a', data: Buffer.from('1') }, { name: 'a', data: Buffer.from('2') }])).rejects.toThrow(/twice/);
  });
});
