// The learner's copies (mirror.ts) kept twice in this browser. Moodle clears the
// whole localStorage of its origin whenever a user logs in (4.5's
// core/storage_validation), and a SCORM package is served from that origin: a
// learner logged out mid-course (a session timeout, Log out in another tab) whose
// answers Moodle refused would lose them on logging in again. IndexedDB is not
// cleared so. Every copy goes to localStorage (synchronous: a tab closed right
// after still has it) and to IndexedDB; a launch reads IndexedDB's copies once,
// before the tracker starts, and takes one from there where localStorage has none.

/** a browser whose IndexedDB does not answer by then launches without its copies rather than not at all */
export const DURABLE_READ_MS = 1500;

/** what the tracker's copies need of a storage */
export type CopyStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const STORE = 'copies';

const settle = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = reject;
    setTimeout(reject, DURABLE_READ_MS);
  });

/**
 * `storage` (localStorage, or undefined where it is unavailable) with IndexedDB
 * behind it, once IndexedDB's record is read; `storage` alone where IndexedDB is
 * missing, refuses or is slow.
 */
export async function withDurableCopies(storage: Storage | undefined): Promise<CopyStore | undefined> {
  let db: IDBDatabase;
  const kept = new Map<string, string>();
  try {
    const opening = indexedDB.open('course-copies');
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
    db = await settle(opening);
    const store = db.transaction(STORE).objectStore(STORE);
    const [keys, values] = await Promise.all([settle(store.getAllKeys()), settle(store.getAll())]);
    keys.forEach((key, n) => kept.set(String(key), values[n]));
  } catch {
    return storage;
  }
  // a key at a time: another tab's copies, written since this one read them, stay
  const keep = (key: string, value?: string) => {
    if (value === undefined) kept.delete(key);
    else kept.set(key, value);
    try {
      const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
      if (value === undefined) store.delete(key);
      else store.put(value, key);
    } catch {
      // a closing or refusing database: localStorage's copy is all there is
    }
  };
  return {
    getItem: (key) => storage?.getItem(key) ?? kept.get(key) ?? null,
    setItem(key, value) {
      keep(key, value);
      storage?.setItem(key, value);
    },
    removeItem(key) {
      keep(key);
      storage?.removeItem(key);
    },
  };
}
