import { describe, expect, it } from 'vitest';
import { checkDose, checkDoseChange, formatMg } from './dose.ts';

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('checkDose', () => {
  it.each([0.5, 1, 1.5, 2, 3, 3.5, 4, 4.5])('accepts %s mg as a valid LDN dose', (dose) => {
    expect(checkDose(dose)).toEqual([]);
  });

  it.each([
    [5.0, ['DOSE_ABOVE_MAXIMUM']],
    [4.55, ['DOSE_ABOVE_MAXIMUM', 'DOSE_INVALID']],
    [45, ['DOSE_ABOVE_MAXIMUM']],
    [50, ['DOSE_ABOVE_MAXIMUM']],
    [100, ['DOSE_ABOVE_MAXIMUM']],
    [0, ['DOSE_INVALID']],
    [-1.5, ['DOSE_INVALID']],
    [1.25, ['DOSE_INVALID']],
    [4.49, ['DOSE_INVALID']],
    [Number.NaN, ['DOSE_INVALID']],
    [Number.POSITIVE_INFINITY, ['DOSE_ABOVE_MAXIMUM', 'DOSE_INVALID']],
  ])('finds %s mg to be %j', (dose, expected) => {
    expect(codes(checkDose(dose))).toEqual(expected);
  });

  it('refuses 5.0 mg as above the 4.5 mg maximum, a hard stop resting on [1][5]', () => {
    expect(checkDose(5.0)).toEqual([
      {
        code: 'DOSE_ABOVE_MAXIMUM',
        severity: 'HARD_STOP',
        message: expect.stringContaining('4.5 mg'),
        evidence: ['1', '5'],
      },
    ]);
  });

  it('names 45 mg as a misplaced decimal point and 50 mg as standard-dose naltrexone', () => {
    expect(checkDose(45)[0]?.message).toMatch(/misplaced decimal point \(4\.5 mg\?\)/);
    expect(checkDose(50)[0]?.message).toMatch(/standard naltrexone dose \(50–100 mg/);
  });

  it('gives DOSE_INVALID no evidence, as a product rule', () => {
    expect(checkDose(1.25)[0]).toMatchObject({ severity: 'HARD_STOP', evidence: [] });
  });
});

describe('checkDoseChange', () => {
  const on = (date: string, doseMg: number) => ({ date, doseMg });

  it.each([
    ['a 1.5 mg increase after exactly 14 days', on('2026-03-01', 1.5), on('2026-03-15', 3), []],
    ['a 1.5 mg increase after 13 days', on('2026-03-01', 1.5), on('2026-03-14', 3), ['TITRATION_TOO_FAST']],
    ['a 2.0 mg increase after 14 days', on('2026-03-01', 1.5), on('2026-03-15', 3.5), ['TITRATION_TOO_FAST']],
    ['a 0.5 mg increase after 14 days', on('2026-03-01', 1.5), on('2026-03-15', 2), []],
    ['a 1.0 mg increase after 14 days', on('2026-03-01', 3.5), on('2026-03-15', 4.5), []],
    ['a step down the next day', on('2026-03-01', 4.5), on('2026-03-02', 3), []],
    ['the same dose the same day', on('2026-03-01', 3), on('2026-03-01', 3), []],
    ['a 3.0 mg jump the next day', on('2026-03-01', 1.5), on('2026-03-02', 4.5), ['TITRATION_TOO_FAST']],
    ['an increase to 6 mg after 14 days', on('2026-03-01', 4.5), on('2026-03-15', 6), ['DOSE_ABOVE_MAXIMUM']],
    [
      'an increase to 4.55 mg',
      on('2026-03-01', 4.5),
      on('2026-03-15', 4.55),
      ['DOSE_ABOVE_MAXIMUM', 'DOSE_INVALID'],
    ],
    [
      'a jump to 5.0 mg after 13 days',
      on('2026-03-01', 3),
      on('2026-03-14', 5),
      ['TITRATION_TOO_FAST', 'DOSE_ABOVE_MAXIMUM'],
    ],
  ])('judges %s', (_, previous, next, expected) => {
    expect(codes(checkDoseChange(previous, next))).toEqual(expected);
  });

  it('makes a too-fast increase a soft stop resting on [1]', () => {
    expect(checkDoseChange(on('2026-03-01', 1.5), on('2026-03-10', 3))[0]).toMatchObject({
      severity: 'SOFT_STOP',
      evidence: ['1'],
      message: expect.stringContaining('9 day(s)'),
    });
  });

  it('refuses a next dose dated before the previous one (INVALID_DOSE_HISTORY)', () => {
    expect(() => checkDoseChange(on('2026-03-15', 1.5), on('2026-03-14', 3))).toThrow(
      expect.objectContaining({ code: 'INVALID_DOSE_HISTORY' }),
    );
  });
});

describe('formatMg', () => {
  it.each([
    [3, '3.0'],
    [1.5, '1.5'],
    [0.5, '0.5'],
  ])('writes %s mg as %s', (dose, text) => {
    expect(formatMg(dose)).toBe(text);
  });
});
