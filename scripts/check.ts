// npm run check -- FILE.zip [FILE.zip ...]: checks SCORM packages before they
// are uploaded (scripts/check/inspect.ts). Exit code 1 when any has a defect.
import { readFileSync } from 'node:fs';
import { checkPackage, formatCheck } from './check/inspect.ts';

async function main(): Promise<void> {
  const files = process.argv.slice(2).filter((a) => a !== '--');
  if (files.length === 0) {
    console.error('使い方: npm run check -- パッケージ.zip\nUsage: npm run check -- FILE.zip');
    process.exitCode = 2;
    return;
  }
  for (const file of files) {
    let zip: Buffer;
    try {
      zip = readFileSync(file);
    } catch (e) {
      console.error(`${file}: ファイルを読めません / cannot read the file (${e instanceof Error ? e.message : String(e)})`);
      process.exitCode = 1;
      continue;
    }
    const result = await checkPackage(zip);
    console.log(formatCheck(file, result) + '\n');
    if (!result.ok) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
