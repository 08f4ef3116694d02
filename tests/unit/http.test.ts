// The local servers' one way of serving files (scripts/http.ts), over real
// HTTP on 127.0.0.1: content types, Japanese text as UTF-8, no way out of the
// folder served, and 404s that name what was missing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileReply, portNumber, serve, type Served } from '../../scripts/http.ts';

const JAPANESE = '技術等情報管理に関する研修：社外秘の扱い';

/** a raw GET: the path goes out exactly as written (fetch would normalize `..`) */
function get(port: number, path: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serving files', () => {
  let dir: string;
  let server: Served;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'http-'));
    dir = join(root, 'served');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(root, 'secret.txt'), 'the secret beside the folder');
    writeFileSync(join(dir, 'index.html'), `<!doctype html><title>${JAPANESE}</title>`);
    writeFileSync(join(dir, 'imsmanifest.xml'), `<?xml version="1.0" encoding="UTF-8"?><manifest><title>${JAPANESE}</title></manifest>`);
    writeFileSync(join(dir, 'sub', 'adlcp_rootv1p2.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>');
    writeFileSync(join(dir, 'sub', 'app.js'), `console.log("${JAPANESE}");`);
    writeFileSync(join(dir, 'sub', '資料 1.txt'), JAPANESE);
    server = await serve((url) => fileReply(dir, url.pathname));
  });
  afterAll(async () => {
    await server.close();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it.each([
    ['/index.html', 'text/html; charset=utf-8'],
    ['/imsmanifest.xml', 'application/xml; charset=utf-8'],
    ['/sub/adlcp_rootv1p2.xsd', 'application/xml; charset=utf-8'],
    ['/sub/app.js', 'text/javascript; charset=utf-8'],
  ])('%s is served as %s', async (path, type) => {
    const res = await get(server.port, path);
    expect(res.status).toBe(200);
    expect(res.type).toBe(type);
  });

  it('Japanese contents arrive as the UTF-8 the file holds, under a Japanese file name too', async () => {
    const page = await get(server.port, '/index.html');
    expect(page.body.toString('utf8')).toContain(JAPANESE);
    const named = await get(server.port, `/sub/${encodeURIComponent('資料 1.txt')}`);
    expect(named.status).toBe(200);
    expect(named.type).toBe('text/plain; charset=utf-8');
    expect(named.body.toString('utf8')).toBe(JAPANESE);
  });

  it.each(['/../secret.txt', '/sub/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/sub/%2e%2e%2f%2e%2e%2fsecret.txt'])('%s does not leave the folder', async (path) => {
    const res = await get(server.port, path);
    expect(res.status).toBe(404);
    expect(res.body.toString()).not.toContain('the secret');
  });

  it('a missing file is a 404 that names it; a folder is not a file', async () => {
    const res = await get(server.port, '/sub/missing.js');
    expect(res.status).toBe(404);
    expect(res.type).toBe('text/plain; charset=utf-8');
    expect(res.body.toString()).toContain('/sub/missing.js');
    expect((await get(server.port, '/sub')).status).toBe(404);
    expect((await get(server.port, '/sub/%E0%A4%A')).status).toBe(404);
  });

  it('an error in a handler is a 500 with its message, and the server goes on', async () => {
    const failing = await serve(() => {
      throw new Error('the handler broke');
    });
    try {
      const res = await get(failing.port, '/');
      expect(res.status).toBe(500);
      expect(res.body.toString()).toContain('the handler broke');
      expect((await get(failing.port, '/')).status).toBe(500);
    } finally {
      await failing.close();
    }
  });
});

describe('the --port value of the servers', () => {
  it('takes a whole number from 0 to 65535', () => {
    expect(portNumber('0')).toBe(0);
    expect(portNumber('4173')).toBe(4173);
    expect(portNumber('65535')).toBe(65535);
  });
  it('refuses anything else, naming it', () => {
    for (const bad of ['65536', '-1', '80.5', 'eighty']) expect(() => portNumber(bad)).toThrow(`--port ${bad} is not a port number`);
  });
});
