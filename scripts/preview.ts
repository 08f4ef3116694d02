// The preview LMS: the built course under scorm-again on 127.0.0.1, with the
// records an LMS report would show. Run after the build (npm start does both):
//   npx tsx scripts/preview.ts [--port 4173] [--scorm 2004|1.2] [--zip FILE.zip]
// With --zip it previews that package (any SCORM zip, checked first) instead of the build.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { portNumber } from './http.ts';
import { checkPackage, formatCheck } from './check/inspect.ts';
import type { PackageFiles } from './lms-host/server.ts';
import { startPreview } from './preview/server.ts';

const DEFAULT_PORT = 4173;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: String(DEFAULT_PORT) }, scorm: { type: 'string', default: '2004' }, zip: { type: 'string' } },
  });
  const port = portNumber(values.port);
  if (values.scorm !== '1.2' && values.scorm !== '2004') throw new Error(`--scorm ${values.scorm}: use 1.2 or 2004`);
  const zip = values.zip ? await unpack(values.zip) : undefined;
  const preview = await startPreview({ port, package: zip?.files, manifestPassMark: zip?.passMark });
  console.log(`プレビュー LMS / preview LMS: ${preview.url}?v=${zip?.files.version ?? values.scorm}`);
  if (!zip) console.log('LMS に登録する zip と、ガイド・設問一覧・集計レポートのページは dist/ にあります（画面の「配布物」からも開けます）。');
  console.log('SCORM 1.2 と 2004 は画面で切り替えられます。終了は Ctrl+C。');
}

/**
 * Checks the zip as npm run check does and unpacks it to a temporary folder; a
 * package with a defect is not previewed. Its pass mark is the one its manifest
 * gives an LMS (1.2 masteryscore, 2004 minNormalizedMeasure), when it gives one.
 */
async function unpack(file: string): Promise<{ files: PackageFiles; passMark?: number }> {
  const result = await checkPackage(readFileSync(file));
  if (!result.ok || !result.facts.target || !result.facts.launch) {
    console.error(formatCheck(file, result));
    throw new Error(`${file}: このパッケージはプレビューできません / cannot preview this package`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'preview-zip-'));
  for (const entry of result.entries) {
    if (entry.name.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, entry.name)), { recursive: true });
    writeFileSync(join(dir, entry.name), entry.data);
  }
  console.log(`${file}: SCORM ${result.facts.target.version}, ${result.facts.title ?? ''} ${result.facts.version ?? ''}`);
  const { masteryScore, minNormalizedMeasure } = result.facts;
  return {
    files: { dir, launch: result.facts.launch.split(/[?#]/)[0], version: result.facts.target.version },
    passMark: minNormalizedMeasure !== undefined ? Math.round(minNormalizedMeasure * 100) : masteryScore,
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
