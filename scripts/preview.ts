// The preview LMS: the built course under scorm-again on 127.0.0.1, with the
// records an LMS report would show. Run after the build (npm start does both):
//   npx tsx scripts/preview.ts [--port 4173] [--scorm 2004|1.2]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compileContent } from './content/compile.ts';
import { PROJECT_ROOT } from './package/targets.ts';
import { startPreview } from './preview/server.ts';

const DEFAULT_PORT = 4173;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: String(DEFAULT_PORT) }, scorm: { type: 'string', default: '2004' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port} is not a port number`);
  if (values.scorm !== '1.2' && values.scorm !== '2004') throw new Error(`--scorm ${values.scorm}: use 1.2 or 2004`);
  const { meta } = compileContent(join(PROJECT_ROOT, 'content'));
  const preview = await startPreview({ port, meta });
  console.log(`プレビュー LMS / preview LMS: ${preview.url}?v=${values.scorm}`);
  console.log('SCORM 1.2 と 2004 は画面で切り替えられます。終了は Ctrl+C。');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
