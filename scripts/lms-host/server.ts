// A small LMS for tests and local previews, on 127.0.0.1 only:
//   /                        the host page (index.html): API + course frame
//   /host/<file>.ts          the host page's modules, types stripped on the fly
//   /vendor/scorm12.js, /vendor/scorm2004.js   scorm-again's browser builds
//   /course/<1.2|2004>/index.html   the built course with its SCORM version marked
//   /src/scorm/spec.ts       the SCORM facts the host's checks share with the course
// Query parameters of the host page: see main.ts.
//
//   npx tsx scripts/lms-host/server.ts [--port 8080]
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { transformWithOxc } from 'vite';
import { contentType, fileReply, JS_TYPE, notFound, ok, portNumber, serve, type Reply, type Served } from '../http.ts';
import { withScormVersion } from '../scorm-target.ts';
import type { ScormVersion } from '../../src/scorm/spec.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
/** the build's single-file course, served when no other file or package is given */
export const DEFAULT_COURSE_PATH = join(ROOT, 'dist/course/index.html');
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

export type LmsHost = Served;

const VENDOR: Record<string, string> = {
  // the "require" entries are the classic-script builds that set window.Scorm12API / Scorm2004API;
  // the minified ones (the same code, a quarter of the bytes to parse at every launch)
  'scorm12.js': 'scorm-again/scorm12/min',
  'scorm2004.js': 'scorm-again/scorm2004/min',
};

/** the one course module the browser-side host (and the preview) import, where their relative imports point */
export const SHARED_MODULE = '/src/scorm/spec.ts';

/** A TypeScript module for the browser: types stripped, nothing bundled. */
export async function browserModule(file: string): Promise<string> {
  const { code } = await transformWithOxc(await readFile(file, 'utf8'), file, { lang: 'ts' });
  return code;
}
function packageFile(pkg: PackageFiles, version: string, rest: string): Promise<Reply> | Reply {
  if (version !== pkg.version) return notFound(`このパッケージは SCORM ${pkg.version} 用です / this package is SCORM ${pkg.version} only`);
  return fileReply(pkg.dir, rest === '' || rest === 'index.html' ? encodeURI(pkg.launch) : rest);
}

async function route(path: string, coursePath: string, pkg?: PackageFiles): Promise<Reply> {
  if (path === '/favicon.ico') return { status: 204, type: 'text/plain', body: '' };
  if (path === '/' || path === '/index.html') return fileReply(HERE, 'index.html');
  const module = /^\/host\/([\w-]+\.ts)$/.exec(path);
  if (module) return ok(JS_TYPE, await browserModule(join(HERE, module[1])));
  if (path === SHARED_MODULE) return ok(JS_TYPE, await browserModule(join(ROOT, SHARED_MODULE)));
  const vendor = /^\/vendor\/([\w.]+)$/.exec(path);
  if (vendor && VENDOR[vendor[1]]) return ok(JS_TYPE, await readFile(require.resolve(VENDOR[vendor[1]])));
  const packaged = /^\/course\/(1\.2|2004)\/(.*)$/.exec(path);
  if (pkg && packaged) return packageFile(pkg, packaged[1], packaged[2]);
  const course = /^\/course\/(1\.2|2004)\/(?:index\.html)?$/.exec(path);
  if (course) return ok(contentType(coursePath), withScormVersion(await readFile(coursePath, 'utf8'), course[1] as ScormVersion));
  return notFound(path);
}

export function startLmsHost(options: LmsHostOptions = {}): Promise<LmsHost> {
  const coursePath = options.coursePath ?? DEFAULT_COURSE_PATH;
  return serve((url) => route(url.pathname, coursePath, options.package), options.port ?? 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--port');
  const host = await startLmsHost({ port: at > 0 ? portNumber(process.argv[at + 1]) : 8080 });
  console.log(`LMS host: ${host.url}?v=1.2  or  ${host.url}?v=2004`);
}
