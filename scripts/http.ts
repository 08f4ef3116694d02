// The one way the project's local servers answer HTTP (the LMS host, the
// preview, the browser tests' plain web server): on 127.0.0.1 only, nothing
// cached, files with their content type (text as UTF-8, so Japanese reads
// right), never a file from outside the folder served, and a 404 that names
// what was missing.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export interface Reply {
  status: number;
  type: string;
  body: string | Buffer;
}

const TEXT = 'text/plain; charset=utf-8';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsd': 'application/xml; charset=utf-8',
  '.dtd': 'application/xml-dtd; charset=utf-8',
  '.txt': TEXT,
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
};

export const JS_TYPE = CONTENT_TYPES['.js'];

export const contentType = (name: string): string => CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';

export const ok = (type: string, body: string | Buffer): Reply => ({ status: 200, type, body });

export const notFound = (what: string): Reply => ({ status: 404, type: TEXT, body: `not found: ${what}\n` });

/** The file `path` (a URL path, still percent-encoded) names under `dir`; a 404 naming it when it is missing or outside `dir`. */
export async function fileReply(dir: string, path: string): Promise<Reply> {
  let name: string;
  try {
    name = decodeURIComponent(path);
  } catch {
    return notFound(`${path} (not a valid URL path)`);
  }
  const root = resolve(dir);
  const file = resolve(root, name.replace(/^\/+/, ''));
  if (!file.startsWith(root + sep)) return notFound(`${path} (outside the folder served)`);
  const body = await readFile(file).catch(() => undefined);
  return body ? ok(contentType(file), body) : notFound(path);
}

/** A `--port` value: a whole number from 0 (any free port) to 65535; anything else is an error naming it. */
export function portNumber(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${text} is not a port number`);
  return port;
}

/** What a request gets: a reply, or undefined when the handler answered on its own (a proxy). */
export type Handler = (url: URL, req: IncomingMessage, res: ServerResponse) => Promise<Reply | undefined> | Reply | undefined;

export interface Served {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `handle` on 127.0.0.1:`port` (0 picks a free port); an error in the handler is a 500 with its message. */
export function serve(handle: Handler, port = 0): Promise<Served> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    Promise.resolve()
      .then(() => handle(url, req, res))
      .catch((e: unknown): Reply => ({ status: 500, type: TEXT, body: String(e) }))
      .then((reply) => {
        if (!reply) return;
        res.writeHead(reply.status, { 'content-type': reply.type, 'cache-control': 'no-store' });
        res.end(reply.body);
      });
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      done({
        url: `http://127.0.0.1:${bound}/`,
        port: bound,
        close: () => {
          server.closeAllConnections();
          return new Promise<void>((closed) => server.close(() => closed()));
        },
      });
    });
  });
}
