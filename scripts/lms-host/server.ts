// A small LMS for tests and local previews, on 127.0.0.1 only:
//   /                        the host page (index.html): API + course frame
//   /host/<file>.ts          the host page's modules, types stripped on the fly
//   /vendor/scorm12.js, /vendor/scorm2004.js   scorm-again's browser builds
//   /course/<1.2|2004>/index.html   the built course with its SCORM version marked
//   /src/scorm/spec.ts       the SCORM facts the host's checks share with the course
// Query parameters of the host page: see main.ts.
//
//   npx tsx scripts/lms-host/server.ts [--port 8080]
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { transformWithOxc } from 'vite';
import { withScormVersion } from '../scorm-target.ts';
import type { ScormVersion } from '../../src/scorm/spec.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const require = createRequire(import.meta.url);

export interface LmsHostOptions {
  /** 0 picks a free port */
  port?: number;
  /** the built single-file course */
  coursePath?: string;
  /** a SCORM package's own files, unpacked in dir, served as they are instead of the built course */
  package?: PackageFiles;
}

export interface PackageFiles {
  dir: string;
  /** the SCO's launch file, relative to dir */
  launch: string;
  version: ScormVersion;
}

export interface LmsHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const VENDOR: Record<string, string> = {
  // the "require" entries are the classic-script builds that set window.Scorm12API / Scorm2004API
  'scorm12.js': 'scorm-again/scorm12',
  'scorm2004.js': 'scorm-again/scorm2004',
};

type Reply = { status: number; type: string; body: string | Buffer };

const ok = (type: string, body: string | Buffer): Reply => ({ status: 200, type, body });

/** the one course module the browser-side host (and the preview) import, where their relative imports point */
export const SHARED_MODULE = '/src/scorm/spec.ts';

/** A TypeScript module for the browser: types stripped, nothing bundled. */
export async function browserModule(file: string): Promise<string> {
  const { code } = await transformWithOxc(await readFile(file, 'utf8'), file, { lang: 'ts' });
  return code;
}
const notFound: Reply = { status: 404, type: 'text/plain; charset=utf-8', body: 'not found' };

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', json: 'application/json', xml: 'application/xml' };

async function packageFile(pkg: PackageFiles, version: string, rest: string): Promise<Reply> {
  if (version !== pkg.version) return { status: 404, type: 'text/plain; charset=utf-8', body: `このパッケージは SCORM ${pkg.version} 用です / this package is SCORM ${pkg.version} only` };
  const name = rest === '' || rest === 'index.html' ? pkg.launch : decodeURIComponent(rest);
  const file = resolve(pkg.dir, name);
  if (!file.startsWith(resolve(pkg.dir) + '/')) return notFound;
  const body = await readFile(file).catch(() => undefined);
  return body ? ok(TYPES[name.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream', body) : notFound;
}

async function route(path: string, coursePath: string, pkg?: PackageFiles): Promise<Reply> {
  if (path === '/favicon.ico') return { status: 204, type: 'text/plain', body: '' };
  if (path === '/' || path === '/index.html') return ok('text/html; charset=utf-8', await readFile(join(HERE, 'index.html')));
  const module = /^\/host\/([\w-]+\.ts)$/.exec(path);
  if (module) return ok('text/javascript; charset=utf-8', await browserModule(join(HERE, module[1])));
  if (path === SHARED_MODULE) return ok('text/javascript; charset=utf-8', await browserModule(join(ROOT, SHARED_MODULE)));
  const vendor = /^\/vendor\/([\w.]+)$/.exec(path);
  if (vendor && VENDOR[vendor[1]]) return ok('text/javascript; charset=utf-8', await readFile(require.resolve(VENDOR[vendor[1]])));
  const packaged = /^\/course\/(1\.2|2004)\/(.*)$/.exec(path);
  if (pkg && packaged) return packageFile(pkg, packaged[1], packaged[2]);
  const course = /^\/course\/(1\.2|2004)\/(?:index\.html)?$/.exec(path);
  if (course) return ok('text/html; charset=utf-8', withScormVersion(await readFile(coursePath, 'utf8'), course[1] as ScormVersion));
  return notFound;
}

export function startLmsHost(options: LmsHostOptions = {}): Promise<LmsHost> {
  const coursePath = options.coursePath ?? join(ROOT, 'dist/course/index.html');
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    route(path, coursePath, options.package)
      .catch((e: unknown): Reply => ({ status: 500, type: 'text/plain; charset=utf-8', body: String(e) }))
      .then((reply) => {
        res.writeHead(reply.status, { 'content-type': reply.type, 'cache-control': 'no-store' });
        res.end(reply.body);
      });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--port');
  const host = await startLmsHost({ port: at > 0 ? Number(process.argv[at + 1]) : 8080 });
  console.log(`LMS host: ${host.url}?v=1.2  or  ${host.url}?v=2004`);
}
