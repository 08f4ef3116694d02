// The name a learner types for the certificate when no LMS gives one. It is
// kept in this browser only, apart from the resume state: suspend_data is
// ASCII and sized for progress, and the LMS has its own record of who this is.
// Kept per learner id where the LMS gives one: on a shared PC the next learner
// must not find the last one's name on their certificate.
import { cleanName } from '../model/certificate.ts';

const key = (courseId: string, learnerId = '') => `course:${courseId}:name${learnerId && ':' + learnerId}`;

export function loadTypedName(courseId: string, learnerId?: string): string {
  try {
    return cleanName(localStorage.getItem(key(courseId, learnerId)) ?? '');
  } catch {
    return '';
  }
}

export function saveTypedName(courseId: string, learnerId: string | undefined, name: string): void {
  try {
    if (name) localStorage.setItem(key(courseId, learnerId), name);
    else localStorage.removeItem(key(courseId, learnerId));
  } catch {
    // storage refused (private mode): the name stays for this visit only
  }
}
