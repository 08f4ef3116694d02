// npx tsx scripts/serve.ts DIR --port N: the folder DIR on 127.0.0.1:N through
// scripts/http.ts, the way every other local server of the project answers;
// the browser tests' standalone course (playwright.config.ts) is served so.
import { fileReply, serve } from './http.ts';

const [dir, ...rest] = process.argv.slice(2);
const portAt = rest.indexOf('--port');
const port = portAt >= 0 ? Number(rest[portAt + 1]) : 0;
if (!dir || !Number.isInteger(port) || port < 0) {
  console.error('usage: tsx scripts/serve.ts DIR [--port N]');
  process.exit(2);
}
const served = await serve((url) => fileReply(dir, url.pathname === '/' ? '/index.html' : url.pathname), port);
console.log(`serving ${dir} at ${served.url}`);
