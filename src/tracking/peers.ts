// Other tabs of this course for the same learner, found over a BroadcastChannel.
// Two tabs on one attempt would each write the LMS from their own copy of the
// data model and overwrite each other's answers, interactions and objectives.
// So the tab opened last leads: it alone writes the LMS. An older tab follows:
// it hands its answers and state to the leader, merges what the leader sends,
// and writes nothing to the LMS itself. Both tell the learner.
import type { Notice } from './tracker.ts';
import type { StoredAnswer } from './mirror.ts';

export const OTHER_TAB_NOTICE: Notice = { id: 'other-tab', level: 'warning' };

export type PeerMessage =
  | { kind: 'hello' | 'ping' | 'here' | 'bye'; tab: string }
  | { kind: 'state'; tab: string; data: string; answers: StoredAnswer[] };

export interface PeerLink {
  post(message: PeerMessage): void;
  close(): void;
}

/**
 * Joins the other tabs on channel `name` as `tab`: says hello, and asks again
 * later for a tab that was busy loading when the first word went out. A newcomer's
 * hello or ping is answered every time; `onMessage` hears every other tab's word.
 */
export function joinPeers(name: string, tab: string, onMessage: (message: PeerMessage) => void): PeerLink | undefined {
  if (typeof BroadcastChannel !== 'function') return undefined;
  let channel: BroadcastChannel;
  try {
    channel = new BroadcastChannel(name);
  } catch {
    return undefined;
  }
  const link: PeerLink = {
    post(message) {
      try {
        channel.postMessage(message);
      } catch {
        // a closed channel: nobody left to tell
      }
    },
    close: () => channel.close(),
  };
  channel.onmessage = (e: MessageEvent) => {
    const m = e.data as Partial<PeerMessage> | null;
    if (!m || typeof m.tab !== 'string' || typeof m.kind !== 'string' || m.tab === tab) return;
    if (m.kind === 'hello' || m.kind === 'ping') link.post({ kind: 'here', tab });
    onMessage(m as PeerMessage);
  };
  link.post({ kind: 'hello', tab });
  for (const wait of [1_000, 4_000]) setTimeout(() => link.post({ kind: 'ping', tab }), wait);
  return link;
}

export const newTabId = () => Math.random().toString(36).slice(2, 10);
