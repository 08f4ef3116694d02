// npx tsx scripts/serve.ts DIR [--port N]: the folder DIR on 127.0.0.1:N through
// scripts/http.ts, the way every other local server of the project answers;
// the browser tests' standalone course (playwright.config.ts) is served so.
import { parseArgs } from 'node:util';
import { fileReply, portNumber, serve } from './http.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { port: { type: 'string', default: '0' } } });
const [dir] = positionals;
if (!dir || positionals.length > 1) throw new Error('usage: tsx scripts/serve.ts DIR [--port N]');
const served = await serve((url) => fileReply(dir, url.pathname === '/' ? '/index.html' : url.pathname), portNumber(values.port));
console.log(`serving ${dir} at ${served.url}`);
