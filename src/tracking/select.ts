// Which tracker this launch gets. The package names its SCORM version in a
// meta tag (version-meta.ts, written by scripts/scorm-target.ts); the course then talks to that version's
// API only, even where an LMS exposes both. No tag: the course runs standalone
// and keeps progress in this browser.
import type { Course } from '../content/types.ts';
import type { Dialect } from './dialect.ts';
import { SCORM_VERSION_META } from './version-meta.ts';
import { findApi } from './discovery.ts';
import { withDurableCopies } from './durable.ts';
import { scorm12 } from './scorm12.ts';
import { scorm2004 } from './scorm2004.ts';
import { createScormTracker } from './scorm-tracker.ts';
import { createStandaloneTracker } from './standalone.ts';
import type { Tracker } from './tracker.ts';

const DIALECTS: Record<string, Dialect> = { '1.2': scorm12, '2004': scorm2004 };

export function packagedVersion(doc: Document): string | undefined {
  // looked up by name alone: the packager refuses an index.html that already spells out the tag
  const meta = [...doc.getElementsByName(SCORM_VERSION_META)].find((el) => el.tagName === 'META');
  return meta?.getAttribute('content') ?? undefined;
}

/** the browser's storage, or none where it is disabled or refuses a read (private mode, file:// in some browsers) */
function storageOf(win: Window): Storage | undefined {
  try {
    const storage = win.localStorage;
    storage.getItem('probe');
    return storage;
  } catch {
    return undefined;
  }
}

/** `elapsed`: the learner's time (model/active-time.ts), for the session time and a time limit */
export async function selectTracker(course: Course, elapsed: () => number, win: Window = window): Promise<Tracker> {
  const version = packagedVersion(win.document);
  const dialect = version ? DIALECTS[version] : undefined;
  const storage = storageOf(win);
  if (!dialect) return createStandaloneTracker(course.meta.id, storage);
  // a package whose LMS shows no API (or shows it too late) keeps the learner's
  // work unclaimed in this browser, for the next launch through the LMS to offer
  const api = findApi(win, dialect.apiName, dialect.maxHops);
  return createScormTracker(dialect, api, course, { storage: await withDurableCopies(storage), elapsed });
}
