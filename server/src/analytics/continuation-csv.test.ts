import { describe, expect, it } from 'vitest';
import { csvField } from './continuation-csv.ts';

describe('a CSV field', () => {
  it.each([
    ['plain text as it is', 'Clinic A', 'Clinic A'],
    ['a number as written', 0.571429, '0.571429'],
    ['nothing as an empty field', null, ''],
    ['a comma inside quotes', 'North, East', '"North, East"'],
    ['quotes doubled', 'The "Main" clinic', '"The ""Main"" clinic"'],
    ['a line break inside quotes', 'Line\nbreak', '"Line\nbreak"'],
    ['a would-be formula behind an apostrophe', '=SUM(A1)', "'=SUM(A1)"],
    ['a leading @ behind an apostrophe', '@cmd', "'@cmd"],
    ['a negative number unchanged', -0.83, '-0.83'],
  ])('writes %s', (_, value, field) => {
    expect(csvField(value)).toBe(field);
  });
});
