// Time values, ids and choice responses in each version's format, checked
// against the patterns Moodle's player enforces (the host harness's copy).
import { describe, expect, it } from 'vitest';
import { MOODLE12, MOODLE2004 } from '../../scripts/lms-host/checks.ts';
import { SAFE_ID } from '../../src/scorm/spec.ts';
import { clip, interactionId, scorm12Choices, scorm2004Choices } from '../../src/tracking/identifiers.ts';
import { scorm12ClockTime, scorm12Timespan, scorm2004Duration, scorm2004Timestamp } from '../../src/tracking/time.ts';
import { realCourse } from './fixtures.ts';

describe('SCORM 1.2 CMITimespan', () => {
  it.each([
    [0, '0000:00:00.00'],
    [0.004, '0000:00:00.00'],
    [5.25, '0000:00:05.25'],
    [59.999, '0000:01:00.00'],
    [3599.996, '0001:00:00.00'],
    [3661.5, '0001:01:01.50'],
    [100 * 3600, '0100:00:00.00'],
    [10_000 * 3600, '9999:59:59.99'],
    [-3, '0000:00:00.00'],
    [Number.NaN, '0000:00:00.00'],
  ])('%s s → %s', (seconds, text) => {
    expect(scorm12Timespan(seconds)).toBe(text);
    expect(text).toMatch(MOODLE12.timespan);
  });
});

describe('SCORM 2004 timeinterval', () => {
  it.each([
    [0, 'PT0S'],
    [5.25, 'PT5.25S'],
    [5.5, 'PT5.5S'],
    [59.999, 'PT1M'],
    [61, 'PT1M1S'],
    [3600, 'PT1H'],
    [3661.07, 'PT1H1M1.07S'],
    [100 * 3600, 'PT100H'],
    [30 * 3600 + 0.5, 'PT30H0.5S'],
  ])('%s s → %s (hours past a day, never D)', (seconds, text) => {
    expect(scorm2004Duration(seconds)).toBe(text);
    expect(text).toMatch(MOODLE2004.timespan);
    expect(text).not.toMatch(/D/);
  });
});

describe('clock time and timestamp', () => {
  it('1.2 time is the local clock, HH:MM:SS', () => {
    const at = new Date(2025, 3, 1, 9, 5, 3, 270);
    expect(scorm12ClockTime(at)).toBe('09:05:03');
    expect(scorm12ClockTime(at)).toMatch(MOODLE12.time);
  });

  it('2004 timestamp is UTC with two decimals, the zone after the fraction', () => {
    expect(scorm2004Timestamp(new Date(Date.UTC(2025, 3, 1, 9, 5, 3, 276)))).toBe('2025-04-01T09:05:03.27Z');
    expect(scorm2004Timestamp(new Date(Date.UTC(2030, 11, 31, 23, 59, 59, 0)))).toBe('2030-12-31T23:59:59.00Z');
    expect(scorm2004Timestamp(new Date(Date.UTC(2025, 3, 1, 9, 5, 3, 276)))).toMatch(MOODLE2004.time);
  });
});

describe('interaction ids', () => {
  it('first attempt: the quiz id; a retry: _r<attempt>', () => {
    expect(interactionId('q3_10', 1)).toBe('q3_10');
    expect(interactionId('q3_10', 2)).toBe('q3_10_r2');
  });

  it('every quiz of the real course gives ids Moodle and this project accept, distinct across attempts', () => {
    const all = realCourse().quizzes.flatMap((q) => [1, 2, 3, 35].map((n) => interactionId(q.id, n)));
    for (const id of all) expect(id).toMatch(SAFE_ID);
    expect(new Set(all).size).toBe(all.length);
  });

  it('refuses an id that would not survive a strict LMS', () => {
    expect(() => interactionId('q 1', 1)).toThrow();
    expect(() => interactionId('q1-', 1)).toThrow();
  });
});

describe('choice responses', () => {
  it('1.2 joins single characters with commas, sorted', () => {
    expect(scorm12Choices('ca')).toBe('a,c');
    expect(scorm12Choices('b')).toBe('b');
  });

  it('2004 joins short identifiers with [,], each one Moodle\'s [\\w.]', () => {
    expect(scorm2004Choices('abc')).toBe('a[,]b[,]c');
    for (const token of scorm2004Choices('abcd').split('[,]')) expect(token).toMatch(MOODLE2004.shortIdentifier);
  });

  it('clip never splits a surrogate pair', () => {
    expect(clip('ab𠮷c', 3)).toBe('ab');
    expect(clip('技術', 250)).toBe('技術');
  });
});
