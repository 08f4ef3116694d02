// No LMS: progress lives in this browser's storage only, and the learner is
// told so once, politely.
import { newTabId, openPeers, OTHER_TAB_NOTICE } from './peers.ts';
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
  const peerListeners = new Set<(data: string) => void>();
  const otherTab = () => {
    if (notices.some((n) => n.id === OTHER_TAB_NOTICE.id)) return;
    notices = [...notices, OTHER_TAB_NOTICE];
    listeners.forEach((l) => l(notices));
  };
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
    start(): StartInfo {
      // another tab writing the same key: take in its state, so that the last writer does not erase the other's answers
      if (typeof window !== 'undefined')
        window.addEventListener('storage', (e) => {
          if (e.key !== key || !e.newValue) return;
          otherTab();
          peerListeners.forEach((l) => l(e.newValue!));
        });
      const tab = newTabId();
      const peers = openPeers(`${key}:tabs`, (m) => {
        if (m.tab === tab) return;
        otherTab();
        if (m.kind === 'hello' || m.kind === 'ping') peers?.post({ kind: 'here', tab });
      });
      peers?.post({ kind: 'hello', tab });
      for (const wait of [1_000, 4_000]) setTimeout(() => peers?.post({ kind: 'ping', tab }), wait);
      if (!storage) notices = [...notices, { id: 'storage-unavailable', level: 'warning' }];
      return { saved: storage?.getItem(key) ?? null, mode: 'normal' };
    },
    save(snapshot: Snapshot) {
      pending = snapshot.suspendData;
      write();
    },
    flush: write,
    finish: write,
    onPeerState(listener) {
      peerListeners.add(listener);
    },
    onNotice(listener) {
      listeners.add(listener);
      listener(notices);
      return () => listeners.delete(listener);
    },
  };
}
