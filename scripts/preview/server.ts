// The preview LMS: the test harness's LMS host (scripts/lms-host) mounted
// under /lms/, with the records page at /. Both share one origin, so the page
// can read what the host's LMS stored; the harness itself is used unchanged.
// The build's files for the owner (zips, guide, announcement, catalogue, report page) are
// offered at /files/.
import { existsSync } from 'node:fs';
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import type { ScormVersion } from '../../src/scorm/spec.ts';
import { courseDataIn } from '../content/course-data.ts';
import { parseCourseData } from '../../src/content/island.ts';
import { contentType, fileReply, JS_TYPE, notFound, ok, serve, type Reply, type Served } from '../http.ts';
import { browserModule, DEFAULT_COURSE_PATH, SHARED_MODULE, startLmsHost, type LmsHost, type PackageFiles } from '../lms-host/server.ts';
import { deliverables, type Deliverable } from '../package/deliverables.ts';
import { PACKAGE_DIR } from '../package/targets.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const LMS_PREFIX = '/lms/';

export interface PreviewOptions {
  /** 0 picks a free port */
  port: number;
  /** the built single-file course; the harness's default when left out */
  coursePath?: string;
  /** preview this unpacked package instead of the build */
  package?: PackageFiles;
  /** the pass mark the package's manifest gives an LMS (1.2 masteryscore, 2004 minNormalizedMeasure), when it gives one */
  manifestPassMark?: number;
}

/** What the records page shows and gives the LMS (scripts/preview/page.ts reads it). */
export interface PreviewConfig {
  courseId: string;
  title: string;
  passMark: number;
  /** the pass mark an LMS hands the SCO of each version, as the manifest says: the build's 2004 manifest carries the course's, its 1.2 manifest none */
  lmsPassMark: Partial<Record<ScormVersion, number>>;
  /** the build's files beside the zips, as the page links them (none when previewing a --zip) */
  files: Deliverable[];
}

/** What the build wrote for the owner and HR: only the files that are there. */
function deliverablesBuilt(courseId: string): Deliverable[] {
  return deliverables(courseId).filter((d) => existsSync(join(PACKAGE_DIR, d.name)));
}

/**
 * The course's id, title and pass mark as the served file has them, read at
 * each request: a preview left running across a rebuild shows the new build's.
 */
async function configOf(coursePath: string, pkg?: PackageFiles, manifestPassMark?: number): Promise<PreviewConfig> {
  const html = await readFile(coursePath, 'utf8');
  const data = courseDataIn(html);
  if (data === undefined) throw new Error(`${coursePath}: no course data in the page (is it this project's build?)`);
  const { meta } = parseCourseData(data) as { meta: { id: string; title: string; passMark: number } };
  const lmsPassMark = pkg ? (manifestPassMark !== undefined ? { [pkg.version]: manifestPassMark } : {}) : { '2004': meta.passMark };
  const files = pkg ? [] : deliverablesBuilt(meta.id);
  return { courseId: meta.id, title: meta.title, passMark: manifestPassMark ?? meta.passMark, lmsPassMark, files };
}

export type Preview = Served;

async function pageFile(path: string, config: () => Promise<PreviewConfig>): Promise<Reply> {
  if (path === '/' || path === '/index.html') return fileReply(HERE, 'index.html');
  if (path === '/preview/config.json') return ok(contentType(path), JSON.stringify(await config()));
  const file = /^\/files\/([^/]+)$/.exec(path);
  if (file) {
    const offered = (await config()).files.some((d) => d.name === file[1]);
    return offered ? fileReply(PACKAGE_DIR, file[1]) : notFound(`${path} (not one of the build's files)`);
  }
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
  const served = options.package ? join(options.package.dir, options.package.launch) : (options.coursePath ?? DEFAULT_COURSE_PATH);
  const config = () => configOf(served, options.package, options.manifestPassMark);
  const page = await serve((url, req, res) => {
    if (!url.pathname.startsWith(LMS_PREFIX)) return pageFile(url.pathname, config);
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
