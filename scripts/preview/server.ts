// The preview LMS: the test harness's LMS host (scripts/lms-host) mounted
// under /lms/, with the records page at /. Both share one origin, so the page
// can read what the host's LMS stored; the harness itself is used unchanged.
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CourseMeta } from '../../src/content/types.ts';
import { contentType, fileReply, JS_TYPE, notFound, ok, serve, type Reply, type Served } from '../http.ts';
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

export type Preview = Served;

async function pageFile(path: string, meta: CourseMeta): Promise<Reply> {
  if (path === '/' || path === '/index.html') return fileReply(HERE, 'index.html');
  if (path === '/preview/config.json') return ok(contentType(path), JSON.stringify({ courseId: meta.id, title: meta.title, passMark: meta.passMark }));
  const module = /^\/preview\/([\w-]+\.ts)$/.exec(path);
  if (module && module[1] !== 'server.ts') return ok(JS_TYPE, await browserModule(join(HERE, module[1])));
  // what the page's records.ts and the host's checks.ts import, resolved against this origin
  if (path === SHARED_MODULE) return ok(JS_TYPE, await browserModule(join(HERE, '../..', SHARED_MODULE)));
  return notFound(path);
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
  const page = await serve((url, req, res) => {
    if (!url.pathname.startsWith(LMS_PREFIX)) return pageFile(url.pathname, options.meta);
    forward(req, res, lms, '/' + url.pathname.slice(LMS_PREFIX.length) + url.search);
    return undefined;
  }, options.port);
  return {
    ...page,
    close: async () => {
      await page.close();
      await lms.close();
    },
  };
}
