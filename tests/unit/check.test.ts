// npm run check on the built zips and on broken ones, run as a training owner
// runs it: a separate process, its output and its exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_DIR, PROJECT_ROOT, TARGETS, packageFileName } from '../../scripts/package/targets.ts';
import { readZip } from '../../scripts/package/unzip.ts';
import { deterministicZip } from '../../scripts/package/zip.ts';

const courseId = 'gijutsu-joho-kanri';
const tmp = mkdtempSync(join(tmpdir(), 'check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function check(file: string): { code: number | null; out: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'scripts', 'check.ts'), file], { encoding: 'utf8', cwd: PROJECT_ROOT });
  return { code: run.status, out: run.stdout + run.stderr };
}

/** A copy of a built package with its entries changed. */
async function broken(name: string, version: string, change: (entries: Array<{ name: string; data: Buffer }>) => Array<{ name: string; data: Buffer }>): Promise<string> {
  const target = TARGETS.find((t) => t.version === version)!;
  const entries = readZip(readFileSync(join(PACKAGE_DIR, packageFileName(courseId, target)))).map((e) => ({ name: e.name, data: e.data }));
  const file = join(tmp, name);
  writeFileSync(file, await deterministicZip(change(entries)));
  return file;
}

describe('npm run check', () => {
  for (const target of TARGETS)
    it(`passes the built SCORM ${target.version} zip with its facts and Moodle's behaviour, exit 0`, () => {
      const { code, out } = check(join(PACKAGE_DIR, packageFileName(courseId, target)));
      expect(code, out).toBe(0);
      expect(out).toContain(`公式スキーマ（XSD）に合っています`);
      expect(out).toContain('起動ファイル index.html があります');
      expect(out).toContain('版: 1.0.0');
      expect(out).toMatch(/大きさ: \d+\.\d KB/);
      // the 1.2 package carries no mastery score (issue 9): Moodle has nothing to rewrite the status from
      expect(out).toContain(target.version === '1.2' ? '合格点（マスタリスコア）: なし' : '合格基準（minNormalizedMeasure）: 0.8（80 点）');
      expect(out).toContain(target.version === '1.2' ? 'マスタリスコアがないため、Moodle は状態を書き換えません。' : '活動完了の条件は「完了（Completed）」にチェック');
      expect(out).toContain('Result: no defect found');
    });

  it('refuses a zip without a manifest', async () => {
    const { code, out } = check(await broken('no-manifest.zip', '2004', (e) => e.filter((x) => x.name !== 'imsmanifest.xml')));
    expect(code).not.toBe(0);
    expect(out).toContain('NG  imsmanifest.xml（マニフェスト）がありません');
    expect(out).toContain('No imsmanifest.xml');
  });

  it('refuses a zip whose launch file is missing', async () => {
    const { code, out } = check(await broken('no-launch.zip', '1.2', (e) => e.filter((x) => x.name !== 'index.html')));
    expect(code).not.toBe(0);
    expect(out).toContain('NG  起動ファイル index.html がパッケージにありません');
    expect(out).toContain('The launch file index.html is not in the package');
  });

  it('refuses a manifest the official XSD rejects, quoting the schema error', async () => {
    const file = await broken('invalid.zip', '2004', (e) =>
      e.map((x) => (x.name === 'imsmanifest.xml' ? { ...x, data: Buffer.from(x.data.toString('utf8').replace('<organizations ', '<organisations ').replace('</organizations>', '</organisations>')) } : x)),
    );
    const { code, out } = check(file);
    expect(code).not.toBe(0);
    expect(out).toContain('NG  マニフェストが SCORM 2004 の公式スキーマ（XSD）に合っていません');
    expect(out).toMatch(/organisations/);
  });

  it('refuses a file that is not a zip', () => {
    const file = join(tmp, 'not.zip');
    writeFileSync(file, 'hello');
    const { code, out } = check(file);
    expect(code).not.toBe(0);
    expect(out).toContain('zip ファイルとして読めません');
  });
});
