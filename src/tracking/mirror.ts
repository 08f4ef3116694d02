// A copy of the resume state in this browser, kept next to the LMS's copy so
// that nothing is lost while the LMS refuses, is slow, or is not there:
//   - data: the latest encoded state; "pending" until the LMS has accepted
//     exactly that suspend_data and a Commit after it;
//   - outbox: answers whose interaction record the LMS has not yet committed;
//     the next launch writes them.
// A session without a learner id (Initialize failed, or no API was found)
// mirrors under the "unclaimed" key; the next launch that knows the learner
// offers it, and takes it in only when the learner says it is theirs (a shared
// PC's next learner is someone else). Of this learner's own copies, the later
// one by the stamp in the state wins.
import type { CopyStore } from './durable.ts';
import type { AnswerReport } from './report.ts';

/** an answer as kept in storage (the date as milliseconds), with the interaction index the LMS took its id at, when it did */
export type StoredAnswer = Omit<AnswerReport, 'at'> & { at: number; index?: number };

export interface MirrorEntry {
  data: string;
  pending: boolean;
  outbox: StoredAnswer[];
  /**
   * the LMS has held a state of this attempt: when a later launch finds its
   * record empty, that is a new attempt (or a deleted one), not work it never got
   */
  confirmed?: boolean;
}

export interface Mirror {
  read(): MirrorEntry | undefined;
  write(entry: MirrorEntry): void;
  remove(): void;
}

export const UNCLAIMED = 'anonymous';

export function mirrorKey(courseId: string, version: string, learnerId: string): string {
  return `course:${courseId}:scorm${version}:${learnerId || UNCLAIMED}`;
}

export const storeAnswer = (a: AnswerReport, index?: number): StoredAnswer => ({ ...a, at: a.at.getTime(), ...(index === undefined ? {} : { index }) });
// a copy saved before checklist answers were reported has no type: it is a quiz answer
export const loadAnswer = ({ index: _, ...a }: StoredAnswer): AnswerReport => ({ ...a, type: a.type === 'likert' ? 'likert' : 'choice', at: new Date(a.at) });

function isStoredAnswer(a: unknown): a is StoredAnswer {
  const x = a as Partial<StoredAnswer> | null;
  return !!x && typeof x.id === 'string' && typeof x.response === 'string' && typeof x.pattern === 'string' && typeof x.correct === 'boolean' && typeof x.latencySeconds === 'number' && typeof x.at === 'number' && typeof x.description === 'string';
}

export function openMirror(storage: CopyStore | undefined, key: string): Mirror {
  return {
    read() {
      try {
        const raw = storage?.getItem(key);
        if (!raw) return undefined;
        const entry = JSON.parse(raw) as Partial<MirrorEntry>;
        if (typeof entry.data !== 'string' || typeof entry.pending !== 'boolean') return undefined;
        return { data: entry.data, pending: entry.pending, outbox: Array.isArray(entry.outbox) ? entry.outbox.filter(isStoredAnswer) : [], confirmed: entry.confirmed === true };
      } catch {
        return undefined;
      }
    },
    write(entry) {
      try {
        storage?.setItem(key, JSON.stringify(entry));
      } catch {
        // full or disabled storage: the LMS copy is all there is
      }
    },
    remove() {
      try {
        storage?.removeItem(key);
      } catch {
        // nothing to forget
      }
    },
  };
}
