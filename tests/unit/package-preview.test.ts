// The preview LMS's records: read from CMI data as scorm-again stores it,
// and written as CSV that Excel opens and a CSV reader reads back.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/scorm/spec.ts';
import { CSV_BOM, CSV_COLUMNS, attemptRecords, formatSeconds, parseCsv, recordsCsv } from '../../scripts/preview/records.ts';

const cmi2004: Record<string, string> = {
  'cmi.learner_id': 'learner_1',
  'cmi.learner_name': '研修 太郎',
  'cmi.completion_status': 'incomplete',
  'cmi.success_status': 'unknown',
  'cmi.score.raw': '15',
  'cmi.score.min': '0',
  'cmi.score.max': '100',
  'cmi.score.scaled': '0.15',
  'cmi.entry': 'resume',
  'cmi.exit': 'suspend',
  'cmi.location': '/s/story1/result',
  'cmi.session_time': 'PT1M5S',
  'cmi.suspend_data': '1~abc',
  // index 10 before 2: the order must follow n, not the keys
  'cmi.interactions.10.id': 'q1_1_r2',
  'cmi.interactions.10.learner_response': 'a[,]b[,]c',
  'cmi.interactions.10.correct_responses.0.pattern': 'a[,]b[,]c',
  'cmi.interactions.10.result': 'correct',
  'cmi.interactions.2.id': 'q1_3',
  'cmi.interactions.2.type': 'choice',
  'cmi.interactions.2.learner_response': 'a',
  'cmi.interactions.2.correct_responses.0.pattern': 'c',
  'cmi.interactions.2.correct_responses.1.pattern': 'c[,]d',
  'cmi.interactions.2.result': 'incorrect',
  'cmi.interactions.2.latency': 'PT12S',
  'cmi.interactions.2.timestamp': '2026-11-27T12:00:00.00Z',
  'cmi.interactions.2.description': '対策開始（管理者の選任）',
  'cmi.objectives.0.id': 'story1',
  'cmi.objectives.0.completion_status': 'completed',
  'cmi.objectives.0.success_status': 'unknown',
  'cmi.objectives.0.score.raw': '33',
};

describe('attemptRecords', () => {
  it('reads a 2004 attempt: both statuses, score, times, interactions in index order, objectives', () => {
    const r = attemptRecords('2004', cmi2004, 3725);
    expect(r.status).toBe('incomplete / unknown');
    expect(r.score).toEqual({ raw: '15', min: '0', max: '100', scaled: '0.15' });
    expect([r.learnerId, r.learnerName, r.entry, r.exit, r.location, r.sessionTime]).toEqual(['learner_1', '研修 太郎', 'resume', 'suspend', '/s/story1/result', 'PT1M5S']);
    expect([r.suspendDataLength, r.suspendDataLimit]).toEqual([5, 64000]);
    expect(r.interactions.map((i) => i.id)).toEqual(['q1_3', 'q1_1_r2']);
    expect(r.interactions[0]).toEqual({
      index: 2,
      id: 'q1_3',
      type: 'choice',
      response: 'a',
      pattern: 'c | c[,]d',
      result: 'incorrect',
      latency: 'PT12S',
      when: '2026-11-27T12:00:00.00Z',
      description: '対策開始（管理者の選任）',
    });
    expect(r.objectives).toEqual([{ index: 0, id: 'story1', status: 'completed / unknown', score: '33' }]);
  });

  it('reads a 1.2 attempt with the 1.2 element names', () => {
    const r = attemptRecords(
      '1.2',
      {
        'cmi.core.student_id': 's1',
        'cmi.core.lesson_status': 'passed',
        'cmi.core.score.raw': '89',
        'cmi.core.entry': '',
        'cmi.core.exit': '',
        'cmi.interactions.0.id': 'q1_1',
        'cmi.interactions.0.student_response': 'a,b',
        'cmi.interactions.0.correct_responses.0.pattern': 'a,b,c',
        'cmi.interactions.0.result': 'wrong',
        'cmi.interactions.0.time': '12:00:05',
        'cmi.objectives.0.id': 'story1',
        'cmi.objectives.0.status': 'passed',
        'cmi.suspend_data': 'x'.repeat(100),
      },
      0,
    );
    expect(r.status).toBe('passed');
    expect(r.score.raw).toBe('89');
    expect(r.interactions[0]).toMatchObject({ id: 'q1_1', response: 'a,b', pattern: 'a,b,c', result: 'wrong', when: '12:00:05' });
    expect(r.objectives[0]).toMatchObject({ id: 'story1', status: 'passed' });
    expect([r.suspendDataLength, r.suspendDataLimit]).toEqual([100, LIMITS['1.2'].suspendData]);
  });
});

describe('recordsCsv', () => {
  const csv = recordsCsv(attemptRecords('2004', cmi2004, 3725), 'gijutsu-joho-kanri');

  it('starts with a BOM and ends every line with CRLF', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('holds the attempt, each objective and each interaction, and reads back cell for cell', () => {
    const [head, ...rows] = parseCsv(csv);
    expect(head).toEqual([...CSV_COLUMNS]);
    expect(rows).toEqual([
      ['learner_1', '研修 太郎', '2004', '受験', 'gijutsu-joho-kanri', 'incomplete / unknown', '', '', '', '15', '1:02:05', '', ''],
      ['learner_1', '研修 太郎', '2004', '目標', 'story1', 'completed / unknown', '', '', '', '33', '', '', ''],
      ['learner_1', '研修 太郎', '2004', 'インタラクション', 'q1_3', '', 'a', 'c | c[,]d', 'incorrect', '', 'PT12S', '2026-11-27T12:00:00.00Z', '対策開始（管理者の選任）'],
      ['learner_1', '研修 太郎', '2004', 'インタラクション', 'q1_1_r2', '', 'a[,]b[,]c', 'a[,]b[,]c', 'correct', '', '', '', ''],
    ]);
  });

  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const records = attemptRecords('2004', { ...cmi2004, 'cmi.learner_name': '=HYPERLINK("x")', 'cmi.interactions.2.description': 'a, "b"\nc' }, 0);
    const text = recordsCsv(records, 'c');
    expect(text).toContain('"\'=HYPERLINK(""x"")"');
    const rows = parseCsv(text).slice(1);
    expect(rows[0][1]).toBe(`'=HYPERLINK("x")`);
    expect(rows[2][12]).toBe('a, "b"\nc');
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });
});

describe('formatSeconds', () => {
  it('prints h:mm:ss', () => {
    expect(formatSeconds(0)).toBe('0:00:00');
    expect(formatSeconds(59.9)).toBe('0:00:59');
    expect(formatSeconds(3725)).toBe('1:02:05');
    expect(formatSeconds(36000 + 61)).toBe('10:01:01');
  });
});
