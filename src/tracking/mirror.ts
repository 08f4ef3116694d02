// A copy of the resume state in this browser, kept next to the LMS's copy so
// that nothing is lost while the LMS refuses to save. "pending" means the LMS
// has not yet confirmed holding this state; only then does the copy here
// outrank what the LMS hands back at the next launch.

export interface MirrorEntry {
  data: string;
  pending: boolean;
}

export interface Mirror {
  read(): MirrorEntry | undefined;
  write(data: string): void;
  /** the LMS confirmed it holds the last state written */
  confirm(): void;
}

export function mirrorKey(courseId: string, version: string, learnerId: string): string {
  return `course:${courseId}:scorm${version}:${learnerId || 'anonymous'}`;
}

export function openMirror(storage: Storage | undefined, key: string): Mirror {
  let last: MirrorEntry | undefined;
  const store = (entry: MirrorEntry) => {
    last = entry;
    try {
      storage?.setItem(key, JSON.stringify(entry));
    } catch {
      // full or disabled storage: the LMS copy is all there is
    }
  };
  return {
    read() {
      try {
        const raw = storage?.getItem(key);
        if (!raw) return undefined;
        const entry = JSON.parse(raw) as Partial<MirrorEntry>;
        return typeof entry.data === 'string' && typeof entry.pending === 'boolean' ? { data: entry.data, pending: entry.pending } : undefined;
      } catch {
        return undefined;
      }
    },
    write: (data) => store({ data, pending: true }),
    confirm() {
      if (last?.pending) store({ data: last.data, pending: false });
    },
  };
}
