// What the 修了証 says, from the course, the learner state and the name. Pure.
import type { Course } from '../content/types.ts';
import type { LearnerState } from './state.ts';
import { dayOf, type Day } from './day.ts';

/** the longest name the certificate prints; longer input is cut */
export const NAME_MAX = 40;

/**
 * SCORM's name is "family, given" (the spec's example is "Doe, John"; Moodle
 * sends "姓, 名" in its SCORM standard mode). Japanese writes family then given
 * with a space, so "山田, 太郎" becomes 「山田 太郎」. A name without a comma is
 * kept as it is: by default Moodle sends its full name as it displays it.
 */
export function displayName(lmsName: string | undefined): string {
  if (!lmsName) return '';
  const parts = lmsName.split(',').map((p) => p.trim()).filter(Boolean);
  return parts.join(' ').replace(/\s+/g, ' ').slice(0, NAME_MAX);
}

/** a typed name, trimmed and cut to what the certificate can print */
export function cleanName(typed: string): string {
  return typed.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX);
}

export interface CertificateData {
  name: string;
  courseTitle: string;
  version: string;
  score: number;
  /** the day of completion; none when it was never recorded (a pass saved before the day was kept) */
  date?: Day;
  /** the company that runs the training, when course.yaml names one */
  company?: string;
}

/**
 * The company hook: course.yaml may name the company that runs the training
 * (`company.name`); everything that prints it asks here.
 */
export function companyName(course: Course): string | undefined {
  const name = course.meta.company?.name?.trim();
  return name ? name : undefined;
}

export function certificateData(course: Course, state: LearnerState, score: number, name: string): CertificateData {
  return {
    name,
    courseTitle: course.meta.title,
    version: course.meta.version,
    score,
    date: state.completedOn ? dayOf(state.completedOn) : undefined,
    company: companyName(course),
  };
}
