// The name a learner types for the certificate when no LMS gives one. It is
// kept in this browser only, apart from the resume state: suspend_data is
// ASCII and sized for progress, and the LMS has its own record of who this is.
import { cleanName } from '../model/certificate.ts';

const key = (courseId: string) => `course:${courseId}:name`;

export function loadTypedName(courseId: string): string {
  try {
    return cleanName(localStorage.getItem(key(courseId)) ?? '');
  } catch {
    return '';
  }
}

export function saveTypedName(courseId: string, name: string): void {
  try {
    if (name) localStorage.setItem(key(courseId), name);
    else localStorage.removeItem(key(courseId));
  } catch {
    // storage refused (private mode): the name stays for this visit only
  }
}
