// Safari's engine, WebKit, driven over W3C WebDriver: Playwright drives only a
// WebKit build of its own, which it cannot download here, while a WebDriver
// server comes with WebKit itself — WebKitWebDriver (Debian: webkit2gtk-driver,
// run under Xvfb when there is no display) and Safari's own safaridriver on a
// Mac (Safari › Develop › Allow Remote Automation). WEBKIT_WEBDRIVER names
// another binary. The few commands the tests need, over fetch.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { onPath } from '../../scripts/on-path.ts';

export interface Driver {
  url: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the platform's WebKit WebDriver server on a free port, and waits until it takes sessions. */
export async function startDriver(): Promise<Driver> {
  const binary = process.env.WEBKIT_WEBDRIVER ?? (process.platform === 'darwin' ? 'safaridriver' : 'WebKitWebDriver');
  if (!onPath(binary))
    throw new Error(`${binary} not found: install WebKit's WebDriver (Debian/Ubuntu: apt-get install webkit2gtk-driver xvfb), or name one in WEBKIT_WEBDRIVER`);
  const port = await freePort();
  const args = binary === 'safaridriver' ? ['-p', String(port)] : [`--port=${port}`];
  // WebKitGTK's browser needs a display: a virtual one when none is set
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (headless && !onPath('xvfb-run')) throw new Error('no display and no xvfb-run: install xvfb (Debian/Ubuntu: apt-get install xvfb)');
  const child: ChildProcess = headless
    ? spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1080x24', binary, ...args], { stdio: 'ignore', detached: true })
    : spawn(binary, args, { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    // xvfb-run's whole group: the X server and the driver with it
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // gone already
    }
  };
  for (let waited = 0; waited < 20_000; waited += 200) {
    try {
      const status = (await (await fetch(`${url}/status`)).json()) as { value: { ready: boolean } };
      if (status.value.ready) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`${binary} did not answer on ${url}/status within 20 s`);
}

/** a reference to an element, as WebDriver passes it in and out of scripts */
export type ElementRef = Record<string, string>;

export interface Session {
  go(url: string): Promise<void>;
  /** runs a function body in the current frame: `arguments[i]` are the args, its `return` the result */
  run<T = unknown>(body: string, ...args: unknown[]): Promise<T>;
  /** the first element matching the selector in the current frame, or a failure */
  find(css: string): Promise<ElementRef>;
  /** a click as the user makes it: the element scrolled into view, the pointer pressed at its centre */
  click(element: ElementRef): Promise<void>;
  /** keys typed into the element; into a file input, the files' paths, one a line, are chosen */
  type(element: ElementRef, text: string): Promise<void>;
  /** into an <iframe> element's document, or to the top-level one (null), from wherever the session was */
  frame(element: ElementRef | null): Promise<void>;
  setWindow(width: number, height: number): Promise<void>;
  /** polls `body` until it returns something truthy, else fails with `what` */
  until<T>(what: string, body: string, ...args: unknown[]): Promise<T>;
  quit(): Promise<void>;
}

/** a browser started for the tests, with its session, and how to end both */
export interface Engine {
  session: Session;
  stop(): Promise<void>;
}

/** Tries `attempt` until it gives something truthy, for 15 s; a failed try is tried again, and the last failure is named. */
export async function poll<T>(what: string, attempt: () => Promise<T>): Promise<T> {
  let last: unknown;
  for (let waited = 0; waited < 15_000; waited += 100) {
    try {
      last = await attempt();
      if (last) return last as T;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`waited 15 s for ${what}; last: ${String(last)}`);
}

export async function newSession(driver: Driver): Promise<Session> {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(driver.url + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const { value } = (await response.json()) as { value: T & { error?: string; message?: string } };
    if (value && typeof value === 'object' && 'error' in value && value.error) throw new Error(`WebDriver ${method} ${path}: ${value.error} ${value.message ?? ''}`);
    return value;
  };
  // WebKitGTK's MiniBrowser takes --automation; safaridriver wants no options of another browser
  const capabilities = process.platform === 'darwin' ? { browserName: 'safari' } : { 'webkitgtk:browserOptions': { args: ['--automation'] } };
  const { sessionId } = await call<{ sessionId: string }>('POST', '/session', { capabilities: { alwaysMatch: capabilities } });
  const at = `/session/${sessionId}`;
  const run = <T>(body: string, ...args: unknown[]) => call<T>('POST', `${at}/execute/sync`, { script: body, args });
  return {
    go: (url) => call('POST', `${at}/url`, { url }),
    run,
    find: (css) => call<ElementRef>('POST', `${at}/element`, { using: 'css selector', value: css }),
    click: (element) => call('POST', `${at}/element/${Object.values(element)[0]}/click`, {}),
    type: (element, text) => call('POST', `${at}/element/${Object.values(element)[0]}/value`, { text }),
    frame: (element) => call('POST', `${at}/frame`, { id: element }),
    setWindow: (width, height) => call('POST', `${at}/window/rect`, { width, height }),
    until: (what, body, ...args) => poll(what, () => run(body, ...args)),
    quit: () => call('DELETE', at),
  };
}
