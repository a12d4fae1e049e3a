import { describe, expect, it } from 'vitest';
import { survivalHiddenOf } from './continuation-breakdown.ts';
import type { GroupSizeRow } from './continuation-queries.ts';

const group = (key: string, discontinuedPatients: number, censoredPatients: number): GroupSizeRow => ({
  dimension: 'CLINIC',
  key,
  trials: discontinuedPatients + censoredPatients,
  patients: discontinuedPatients + censoredPatients,
  discontinuedPatients,
  censoredPatients,
});

describe('which groups’ rates and median are hidden', () => {
  it('shows them when every group has 0 or at least 5 discontinued and censored patients', () => {
    const groups = [group('a', 6, 9), group('b', 0, 7), group('c', 5, 0)];
    expect(survivalHiddenOf(groups, [false, false, false], false)).toEqual([false, false, false]);
  });

  it('hides a group with 1 to 4 discontinued or censored patients, and the smallest other beside it', () => {
    // The report's curve minus a's and c's would give b's discontinuations; minus a's alone, b's and c's together.
    const groups = [group('a', 20, 30), group('b', 3, 10), group('c', 6, 6)];
    expect(survivalHiddenOf(groups, [false, false, false], false)).toEqual([false, true, true]);
    expect(survivalHiddenOf([group('a', 20, 30), group('b', 10, 2)], [false, false], false)).toEqual([
      true,
      true,
    ]);
  });

  it('counts a suppressed group as hidden, and takes no other along beside two', () => {
    const groups = [group('a', 20, 30), group('b', 1, 1), group('c', 1, 2)];
    expect(survivalHiddenOf(groups, [false, true, true], false)).toEqual([false, true, true]);
  });

  it('hides one group when only the report’s own survival is hidden (the groups would add up to it)', () => {
    const groups = [group('a', 20, 30), group('b', 0, 9)];
    expect(survivalHiddenOf(groups, [false, false], true)).toEqual([false, true]);
  });
});
