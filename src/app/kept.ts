// What this browser keeps of a learner beside the LMS's record: the name typed
// for the certificate when the LMS gives none, and the choices ticked on a quiz
// not yet answered. Neither goes into suspend_data, which is ASCII and sized
// for progress. Kept per learner id where the LMS gives one: on a shared PC the
// next learner must not find the last one's name or ticks.

export interface Kept {
  /** '' when nothing is kept or the browser refuses storage */
  load(): string;
  /** '' removes it */
  save(value: string): void;
}

/**
 * `storage` is read at each use: a sandboxed frame throws on the mere access
 * to localStorage or sessionStorage.
 */
export function kept(storage: () => Storage, courseId: string, what: string, learnerId = ''): Kept {
  const key = `course:${courseId}:${what}${learnerId && ':' + learnerId}`;
  return {
    load() {
      try {
        return storage().getItem(key) ?? '';
      } catch {
        return '';
      }
    },
    save(value) {
      try {
        if (value) storage().setItem(key, value);
        else storage().removeItem(key);
      } catch {
        // storage refused (private mode): kept for this visit only
      }
    },
  };
}
