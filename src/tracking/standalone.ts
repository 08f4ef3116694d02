// No LMS: progress lives in this browser's storage only, and the learner is
// told so once, politely.
import { joinPeers, newTabId, OTHER_TAB_NOTICE } from './peers.ts';
import { noticeBoard } from './notices.ts';
import type { Notice, Snapshot, StartInfo, Tracker } from './tracker.ts';

const DEVICE_ONLY_NOTICE: Notice = { id: 'standalone', level: 'info' };
const STORAGE_FAILED_NOTICE: Notice = { id: 'storage-failed', level: 'warning' };
const STORAGE_UNAVAILABLE_NOTICE: Notice = { id: 'storage-unavailable', level: 'warning' };

export function storageKey(courseId: string): string {
  return `course:${courseId}:state`;
}

/** `storage`: this browser's, undefined where it is disabled */
export function createStandaloneTracker(courseId: string, storage: Storage | undefined): Tracker {
  const key = storageKey(courseId);
  const notices = noticeBoard(DEVICE_ONLY_NOTICE);
  let pending: string | null = null;
  const peerListeners = new Set<(data: string) => void>();
  const write = () => {
    if (pending === null || !storage) return;
    try {
      storage.setItem(key, pending);
      pending = null;
    } catch {
      notices.set(STORAGE_FAILED_NOTICE, true);
    }
  };
  return {
    start(): StartInfo {
      // another tab writing the same key: take in its state, so that the last writer does not erase the other's answers
      addEventListener('storage', (e) => {
        if (e.key !== key || !e.newValue) return;
        notices.set(OTHER_TAB_NOTICE, true);
        peerListeners.forEach((l) => l(e.newValue!));
      });
      joinPeers(`${key}:tabs`, newTabId(), () => notices.set(OTHER_TAB_NOTICE, true));
      if (!storage) notices.set(STORAGE_UNAVAILABLE_NOTICE, true);
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
    onNotice: notices.onNotice,
  };
}
