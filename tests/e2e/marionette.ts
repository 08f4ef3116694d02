// Firefox's engine, Gecko, driven over Marionette: the WebDriver commands
// Firefox itself serves on a TCP port (geckodriver only translates WebDriver's
// HTTP into them, and is no Debian package). Playwright drives only a Firefox
// build of its own, which it cannot download here, and its WebDriver BiDi
// route to a stock Firefox asks for commands the ESR does not have yet. The
// same Session as ./webdriver.ts gives WebKit, so one spec serves both
// (./engine-checks.ts). FIREFOX names another binary.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onPath } from '../../scripts/on-path.ts';
import { poll, type ElementRef, type Engine, type Session } from './webdriver.ts';

/**
 * The profile's settings: Marionette on a free port (Firefox writes which one
 * to MarionetteActivePort), Japanese first, and none of a new profile's
 * first-run pages, update checks or background services, which would reach for
 * the network or open tabs of their own.
 */
const PREFS: Record<string, string | number | boolean> = {
  'marionette.port': 0,
  'intl.accept_languages': 'ja',
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.page': 0,
  'startup.homepage_welcome_url': 'about:blank',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'app.normandy.enabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.newtabpage.enabled': false,
};

/** one Marionette connection: `length:json` frames, a command `[0, id, name, params]`, its answer `[1, id, error, result]` */
function channel(socket: Socket) {
  let buffer = Buffer.alloc(0);
  const waiting = new Map<number, (frame: unknown[]) => void>();
  let greeting: ((hello: unknown) => void) | undefined;
  const greeted = new Promise((resolve) => (greeting = resolve));
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length) return;
      const message = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString());
      buffer = buffer.subarray(colon + 1 + length);
      if (Array.isArray(message)) waiting.get(message[1] as number)?.(message);
      else greeting?.(message);
    }
  });
  // Firefox gone (a crash, a kill): every command waiting fails now, not at the test's timeout
  const closed = [1, -1, { error: 'no connection', message: 'Firefox closed its Marionette connection' }, null];
  socket.on('close', () => {
    for (const answer of waiting.values()) answer(closed);
  });
  let next = 0;
  const send = async <T>(name: string, params: object = {}): Promise<T> => {
    await greeted;
    if (socket.destroyed) return Promise.reject(new Error(`Marionette ${name}: Firefox closed its Marionette connection`));
    const id = next++;
    const answer = new Promise<unknown[]>((resolve) => waiting.set(id, resolve));
    const text = JSON.stringify([0, id, name, params]);
    socket.write(`${Buffer.byteLength(text)}:${text}`);
    const [, , error, result] = await answer;
    waiting.delete(id);
    if (error) {
      const { error: kind, message } = error as { error: string; message: string };
      throw new Error(`Marionette ${name}: ${kind} ${message}`);
    }
    return result as T;
  };
  return { send };
}

/** WebDriver's print parameters: lengths in centimetres */
export interface PrintOptions {
  orientation?: 'portrait' | 'landscape';
  page?: { width: number; height: number };
  margin?: { top?: number; bottom?: number; left?: number; right?: number };
  background?: boolean;
}

/** a Firefox with its session; it also prints, which WebKit's WebDriver cannot */
export interface Firefox extends Engine {
  /** the current page as Firefox prints it (print media, its own print engine), as a PDF */
  print(options: PrintOptions): Promise<Buffer>;
}

/** Starts a headless Firefox with a new profile, and a session in it. */
export async function startFirefox(): Promise<Firefox> {
  const binary = process.env.FIREFOX ?? ['firefox-esr', 'firefox'].find(onPath);
  if (!binary) throw new Error('Firefox not found: install it (Debian: apt-get install firefox-esr), or name one in FIREFOX');
  const home = mkdtempSync(join(tmpdir(), 'course-firefox-'));
  const profile = join(home, 'profile');
  mkdirSync(profile);
  writeFileSync(join(profile, 'user.js'), Object.entries(PREFS).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`).join(''));
  // HOME of its own: Firefox run as root refuses a HOME another user owns
  const child: ChildProcess = spawn(binary, ['--headless', '--marionette', '--no-remote', '--profile', profile, 'about:blank'], {
    stdio: 'ignore',
    env: { ...process.env, HOME: home, MOZ_HEADLESS: '1', MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  const kill = () => {
    child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  };
  try {
    const port = await poll('Firefox to write MarionetteActivePort', async () => Number(readFileSync(join(profile, 'MarionetteActivePort'), 'utf8')));
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => resolve(s));
      s.once('error', reject);
    });
    const { send } = channel(socket);
    await send('WebDriver:NewSession', { strictFileInteractability: false });
    const run = async <T>(body: string, ...args: unknown[]) => (await send<{ value: T }>('WebDriver:ExecuteScript', { script: body, args })).value;
    const id = (element: ElementRef) => Object.values(element)[0];
    const session: Session = {
      go: async (url) => void (await send('WebDriver:Navigate', { url })),
      run,
      find: async (css) => (await send<{ value: ElementRef }>('WebDriver:FindElement', { using: 'css selector', value: css })).value,
      click: async (element) => void (await send('WebDriver:ElementClick', { id: id(element) })),
      type: async (element, text) => void (await send('WebDriver:ElementSendKeys', { id: id(element), text })),
      frame: async (element) => void (await send('WebDriver:SwitchToFrame', element ? { element: id(element) } : {})),
      setWindow: async (width, height) => void (await send('WebDriver:SetWindowRect', { width, height })),
      until: (what, body, ...args) => poll(what, () => run(body, ...args)),
      quit: async () => void (await send('WebDriver:DeleteSession')),
    };
    return {
      session,
      print: async (options) => Buffer.from((await send<{ value: string }>('WebDriver:Print', options)).value, 'base64'),
      stop: async () => {
        socket.destroy();
        kill();
      },
    };
  } catch (error) {
    kill();
    throw error;
  }
}
