import { describe, expect, it } from 'vitest';
import {
  adherenceOf,
  currentReportGap,
  oneScorePerDay,
  type PatientReportInput,
  patientReportProblems,
  reportableDoses,
  reportableEvenings,
  reportReplaceable,
  reportTimingOf,
} from './patient-report.ts';

const TODAY = '2026-03-10';
const aReport = (overrides: Partial<PatientReportInput> = {}): PatientReportInput => ({
  evening: TODAY,
  dose: { answer: 'TAKEN', doseMg: 3 },
  scores: [{ measure: 'PAIN_NRS', score: 5 }],
  sideEffects: [],
  ...overrides,
});
const codes = (report: PatientReportInput) =>
  patientReportProblems(report, { today: TODAY, doses: [3, 1.5] }).map((p) => p.code);

describe('the late-entry rule', () => {
  it.each([
    ['2026-03-11', 'IN_THE_FUTURE'],
    ['2026-03-10', 'ON_TIME'],
    ['2026-03-09', 'LATE'],
    ['2026-03-08', 'LATE'],
    ['2026-03-07', 'TOO_LATE'],
  ] as const)('a report for %s sent on 2026-03-10 is %s', (evening, timing) => {
    expect(reportTimingOf(evening, TODAY)).toBe(timing);
  });

  it('lets a report be replaced the day it was first sent, never later', () => {
    expect(reportReplaceable('2026-03-10', TODAY)).toBe(true);
    expect(reportReplaceable('2026-03-09', TODAY)).toBe(false);
    expect(reportReplaceable('2026-03-08', TODAY)).toBe(false);
  });

  it('offers tonight and the two evenings before it, across a month end', () => {
    expect(reportableEvenings('2026-03-01')).toEqual(['2026-03-01', '2026-02-28', '2026-02-27']);
  });

  it('refuses an evening outside them by name', () => {
    expect(codes(aReport({ evening: '2026-03-07' }))).toEqual(['EVENING_TOO_LATE']);
    expect(codes(aReport({ evening: '2026-03-11' }))).toEqual(['EVENING_IN_THE_FUTURE']);
    expect(codes(aReport({ evening: '2026-03-08' }))).toEqual([]);
  });

  it('refuses an evening before the trial starts', () => {
    const problems = patientReportProblems(aReport({ evening: '2026-03-09' }), {
      today: TODAY,
      doses: [3],
      startDate: '2026-03-10',
    });
    expect(problems.map((p) => p.code)).toEqual(['EVENING_BEFORE_START']);
  });
});

describe('a report', () => {
  it('needs pain, and takes the secondary measures 0 to 10', () => {
    expect(codes(aReport({ scores: [{ measure: 'SLEEP', score: 4 }] }))).toEqual(['PAIN_REQUIRED']);
    expect(
      codes(
        aReport({
          scores: [
            { measure: 'PAIN_NRS', score: 0 },
            { measure: 'SLEEP', score: 10 },
          ],
        }),
      ),
    ).toEqual([]);
    expect(codes(aReport({ scores: [{ measure: 'PAIN_NRS', score: 11 }] }))).toEqual(['INVALID_SCORE']);
    expect(codes(aReport({ scores: [{ measure: 'PAIN_NRS', score: 2.5 }] }))).toEqual(['INVALID_SCORE']);
    expect(codes(aReport({ scores: [{ measure: 'PAIN_NRS', score: -1 }] }))).toEqual(['INVALID_SCORE']);
  });

  it('takes a dose only of a strength the plan has reached', () => {
    expect(codes(aReport({ dose: { answer: 'TAKEN', doseMg: 1.5 } }))).toEqual([]);
    expect(codes(aReport({ dose: { answer: 'TAKEN', doseMg: 4.5 } }))).toEqual(['DOSE_NOT_IN_PLAN']);
    expect(codes(aReport({ dose: { answer: 'TAKEN' } }))).toEqual(['DOSE_NOT_IN_PLAN']);
    expect(codes(aReport({ dose: { answer: 'NOT_TAKEN' } }))).toEqual([]);
    expect(codes(aReport({ dose: { answer: 'MAYBE' } }))).toEqual(['UNKNOWN_DOSE_ANSWER']);
  });

  it('takes side effects of §6 once each, "other" with words', () => {
    const effect = (kind: string, description?: string) => ({ kind, severity: 'MILD', description });
    expect(codes(aReport({ sideEffects: [effect('VIVID_DREAMS'), effect('OTHER', 'Dry mouth')] }))).toEqual(
      [],
    );
    expect(codes(aReport({ sideEffects: [effect('HEADACHE'), effect('HEADACHE')] }))).toEqual([
      'DUPLICATE_SIDE_EFFECT',
    ]);
    expect(codes(aReport({ sideEffects: [effect('OTHER', '  ')] }))).toEqual(['DESCRIPTION_REQUIRED']);
    expect(codes(aReport({ sideEffects: [effect('ITCH')] }))).toEqual(['UNKNOWN_SIDE_EFFECT']);
    expect(codes(aReport({ sideEffects: [{ kind: 'NAUSEA', severity: 'AWFUL' }] }))).toEqual([
      'UNKNOWN_SEVERITY',
    ]);
    expect(codes(aReport({ sideEffects: [effect('OTHER', 'x'.repeat(501))] }))).toEqual([
      'DESCRIPTION_TOO_LONG',
    ]);
    expect(codes(aReport({ sideEffects: [effect('OTHER', 'x'.repeat(500))] }))).toEqual([]);
  });
});

describe('the strengths a patient may report', () => {
  it('are the steps begun, the current one first, never a projected one', () => {
    expect(
      reportableDoses([
        { doseMg: 1.5, status: 'PAST' },
        { doseMg: 3, status: 'CURRENT' },
        { doseMg: 4.5, status: 'NEXT' },
      ]),
    ).toEqual([3, 1.5]);
  });
});

describe('one score per day in the response window', () => {
  it("keeps the clinic's score of a day the patient also reported, and the patient's alone", () => {
    const kept = oneScorePerDay([
      { date: '2026-03-09', score: 6, source: 'PATIENT' as const },
      { date: '2026-03-09', score: 4, source: 'CLINIC' as const },
      { date: '2026-03-10', score: 5, source: 'PATIENT' as const },
    ]);
    expect(kept.map((s) => s.score).sort()).toEqual([4, 5]);
  });
});

describe('adherence', () => {
  const reports = [
    { evening: '2026-03-01', taken: true },
    { evening: '2026-03-02', taken: true },
    { evening: '2026-03-03', taken: false },
    { evening: '2026-03-06', taken: true },
  ];

  it('counts nights taken against nights supplied and lists the gaps up to yesterday', () => {
    const adherence = adherenceOf({ since: '2026-03-01', asOf: '2026-03-10', reports, nightsSupplied: 28 });
    expect(adherence).toMatchObject({
      nightsTaken: 3,
      nightsNotTaken: 1,
      nightsSupplied: 28,
      lastReportedOn: '2026-03-06',
    });
    expect(adherence.gaps).toEqual([
      { from: '2026-03-04', to: '2026-03-05', evenings: 2 },
      { from: '2026-03-07', to: '2026-03-09', evenings: 3 },
    ]);
  });

  it('alerts after three evenings without a report, not two', () => {
    const three = adherenceOf({ since: '2026-03-01', asOf: '2026-03-10', reports, nightsSupplied: 0 });
    expect(currentReportGap(three, '2026-03-10')).toEqual({
      from: '2026-03-07',
      to: '2026-03-09',
      evenings: 3,
    });
    const two = adherenceOf({ since: '2026-03-01', asOf: '2026-03-09', reports, nightsSupplied: 0 });
    expect(currentReportGap(two, '2026-03-09')).toBeNull();
  });
});
