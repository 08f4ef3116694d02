// No LMS: progress lives in this browser's storage only, and the learner is
// told so once, politely.
import type { Notice, Snapshot, StartInfo, Tracker } from './tracker.ts';

const DEVICE_ONLY_NOTICE: Notice = { id: 'standalone', level: 'info' };

export function storageKey(courseId: string): string {
  return `course:${courseId}:state`;
}

function safeStorage(): Storage | undefined {
  try {
    const s = window.localStorage;
    s.getItem('probe');
    return s;
  } catch {
    return undefined; // disabled storage, e.g. private mode or file:// in some browsers
  }
}

export function createStandaloneTracker(courseId: string): Tracker {
  const storage = safeStorage();
  const key = storageKey(courseId);
  let notices: Notice[] = [DEVICE_ONLY_NOTICE];
  const listeners = new Set<(n: Notice[]) => void>();
  let pending: string | null = null;
  const write = () => {
    if (pending === null || !storage) return;
    try {
      storage.setItem(key, pending);
      pending = null;
    } catch {
      if (!notices.some((n) => n.id === 'storage-failed')) notices = [...notices, { id: 'storage-failed', level: 'warning' }];
      listeners.forEach((l) => l(notices));
    }
  };
  return {
    kind: 'standalone',
    start(): StartInfo {
      if (!storage) notices = [...notices, { id: 'storage-unavailable', level: 'warning' }];
      return { saved: storage?.getItem(key) ?? null, mode: 'normal' };
    },
    save(snapshot: Snapshot) {
      pending = snapshot.suspendData;
      write();
    },
    flush: write,
    finish: write,
    onNotice(listener) {
      listeners.add(listener);
      listener(notices);
      return () => listeners.delete(listener);
    },
  };
}
