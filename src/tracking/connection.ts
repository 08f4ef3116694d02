// A guarded session with an LMS API object: Initialize once, Terminate once,
// nothing after Terminate, every result checked and every error read back
// (code, text, diagnostic) and logged. Values cross as strings both ways.
import type { ApiNames } from '../scorm/spec.ts';

export interface LmsError {
  call: string;
  element?: string;
  code: string;
  text: string;
  diagnostic: string;
}

export type ConnectionState = 'new' | 'open' | 'closed' | 'failed';

export interface Connection {
  readonly state: ConnectionState;
  initialize(): boolean;
  /** undefined when the LMS reports an error (other than "no value yet") */
  get(element: string): string | undefined;
  set(element: string, value: string): boolean;
  commit(): boolean;
  terminate(): boolean;
}

/** codes that mean "this element has no value yet" rather than a failure */
export type QuietCodes = ReadonlySet<string>;

type Api = Record<string, unknown>;

export function connect(api: object, methods: ApiNames, quietGetCodes: QuietCodes, log: (error: LmsError) => void): Connection {
  let state: ConnectionState = 'new';

  const invoke = (name: string, ...args: string[]): unknown => {
    const fn = (api as Api)[name];
    if (typeof fn !== 'function') throw new Error(`the LMS API has no ${name}`);
    return fn.apply(api, args);
  };

  const lastCode = (): string => String(invoke(methods.getLastError));

  const readError = (call: string, element?: string, code?: string): LmsError | undefined => {
    try {
      const c = code ?? lastCode();
      if (c === '0' || c === '') return undefined;
      return { call, element, code: c, text: String(invoke(methods.getErrorString, c)), diagnostic: String(invoke(methods.getDiagnostic, c)) };
    } catch (e) {
      return { call, element, code: '?', text: String(e), diagnostic: '' };
    }
  };

  const fail = (call: string, element?: string, thrown?: unknown): false => {
    log(thrown === undefined ? (readError(call, element) ?? { call, element, code: '?', text: 'returned false', diagnostic: '' }) : { call, element, code: '?', text: String(thrown), diagnostic: '' });
    return false;
  };

  const run = (call: string, ...args: string[]): boolean => {
    try {
      return String(invoke(call, ...args)) === 'true' || fail(call, args[0]);
    } catch (e) {
      return fail(call, args[0], e);
    }
  };

  return {
    get state() {
      return state;
    },
    initialize() {
      if (state !== 'new') return state === 'open';
      const ok = run(methods.initialize, '');
      state = ok ? 'open' : 'failed';
      return ok;
    },
    get(element) {
      if (state !== 'open') return undefined;
      try {
        const value = String(invoke(methods.getValue, element) ?? '');
        const code = lastCode();
        // some LMSs leave a stale "no value" code behind a good read: keep the value they returned
        if (code === '0' || code === '' || quietGetCodes.has(code)) return value;
        const error = readError(methods.getValue, element, code);
        if (error) log(error);
        return undefined;
      } catch (e) {
        fail(methods.getValue, element, e);
        return undefined;
      }
    },
    set(element, value) {
      return state === 'open' && run(methods.setValue, element, value);
    },
    commit() {
      return state === 'open' && run(methods.commit, '');
    },
    terminate() {
      if (state !== 'open') return false;
      state = 'closed';
      return run(methods.terminate, '');
    },
  };
}
