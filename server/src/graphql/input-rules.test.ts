import { describe, expect, it } from 'vitest';
import { checkDate, checkText } from './input-rules.ts';

describe('the text rule', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a bell', 'a\u0007b'],
    ['escape', 'a\u001bb'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
    ['a tab in one line', 'a\tb'],
    ['a line break in one line', 'a\nb'],
  ])('refuses %s in a line of text', (_what, value) => {
    expect(checkText(value, { max: 100 })).toHaveProperty('problem');
  });

  it('keeps tabs and line breaks in free text, but not other controls', () => {
    expect(checkText('a\tb\r\nc', { max: 100, multiline: true })).toEqual({ value: 'a\tb\r\nc' });
    expect(checkText('a\u0000b', { max: 100, multiline: true })).toHaveProperty('problem');
  });

  it('trims required text before checking it, and refuses it blank or short', () => {
    expect(checkText('  Ada  ', { max: 3, required: 'Enter the name.' })).toEqual({ value: 'Ada' });
    expect(checkText(' \t ', { max: 10, multiline: true, required: 'Say why.' })).toEqual({
      problem: 'Say why.',
    });
    expect(checkText(' ab ', { max: 10, required: 'Say why.', min: 3 })).toEqual({
      problem: 'At least 3 characters.',
    });
  });

  it('counts the limit on the text as given when it is optional', () => {
    expect(checkText('x'.repeat(201), { max: 200 })).toEqual({ problem: 'At most 200 characters.' });
    expect(checkText('😀'.repeat(5), { max: 20 })).toEqual({ value: '😀'.repeat(5) });
  });
});

describe('the date rule', () => {
  const today = '2026-03-01';
  it.each([
    ['BIRTH', '1899-12-31', false],
    ['BIRTH', '1900-01-01', true],
    ['BIRTH', today, true],
    ['BIRTH', '2026-03-02', false],
    ['HISTORY', '1950-06-01', true],
    ['HISTORY', '2026-03-02', false],
    ['CLINICAL', '1999-12-31', false],
    ['CLINICAL', '2000-01-01', true],
    ['CLINICAL', '2031-02-28', true],
    ['CLINICAL', '2032-01-01', false],
    ['NEED_BY', '2026-02-28', false],
    ['NEED_BY', today, true],
    ['NEED_BY', '2027-03-02', true],
    ['NEED_BY', '2027-03-03', false],
  ] as const)('%s %s is plausible: %s', (kind, date, plausible) => {
    expect('value' in checkDate(date, kind, today)).toBe(plausible);
  });

  it('says a need-by date cannot be before today, naming today', () => {
    expect(checkDate('2026-02-28', 'NEED_BY', today)).toEqual({
      problem: 'The need-by date cannot be before today (2026-03-01).',
    });
  });
});
