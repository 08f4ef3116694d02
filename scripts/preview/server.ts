// The preview LMS: the test harness's LMS host (scripts/lms-host) mounted
// under /lms/, with the records page at /. Both share one origin, so the page
// can read what the host's LMS stored; the harness itself is used unchanged.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CourseMeta } from '../../src/content/types.ts';
import { browserModule, SHARED_MODULE, startLmsHost, type LmsHost, type PackageFiles } from '../lms-host/server.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const LMS_PREFIX = '/lms/';

export interface PreviewOptions {
  /** 0 picks a free port */
  port: number;
  meta: CourseMeta;
  /** the built single-file course; the harness's default when left out */
  coursePath?: string;
  /** preview this unpacked package instead of the build */
  package?: PackageFiles;
}

export interface Preview {
  url: string;
  port: number;
  close(): Promise<void>;
}

async function pageFile(path: string, meta: CourseMeta): Promise<{ type: string; body: string | Buffer } | undefined> {
  if (path === '/' || path === '/index.html') return { type: 'text/html; charset=utf-8', body: await readFile(join(HERE, 'index.html')) };
  if (path === '/preview/config.json') {
    return { type: 'application/json; charset=utf-8', body: JSON.stringify({ courseId: meta.id, title: meta.title, passMark: meta.passMark }) };
  }
  const module = /^\/preview\/([\w-]+\.ts)$/.exec(path);
  if (module && module[1] !== 'server.ts') return { type: 'text/javascript; charset=utf-8', body: await browserModule(join(HERE, module[1])) };
  // what the page's records.ts and the host's checks.ts import, resolved against this origin
  if (path === SHARED_MODULE) return { type: 'text/javascript; charset=utf-8', body: await browserModule(join(HERE, '../..', SHARED_MODULE)) };
  return undefined;
}

function forward(req: IncomingMessage, res: ServerResponse, lms: LmsHost, path: string): void {
  const upstream = request({ host: '127.0.0.1', port: lms.port, method: req.method, path, headers: req.headers }, (reply) => {
    res.writeHead(reply.statusCode ?? 502, reply.headers);
    reply.pipe(res);
  });
  upstream.on('error', (e) => {
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(String(e));
  });
  req.pipe(upstream);
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const lms = await startLmsHost({ port: 0, coursePath: options.coursePath, package: options.package });
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith(LMS_PREFIX)) return forward(req, res, lms, '/' + url.pathname.slice(LMS_PREFIX.length) + url.search);
    pageFile(url.pathname, options.meta)
      .catch((e: unknown) => ({ type: 'text/plain; charset=utf-8', body: String(e), status: 500 }))
      .then((file) => {
        const status = !file ? 404 : 'status' in file ? file.status : 200;
        res.writeHead(status, { 'content-type': file?.type ?? 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end(file?.body ?? 'not found');
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await lms.close();
    },
  };
}
