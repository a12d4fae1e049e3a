import { describe, expect, it } from 'vitest';
import { addTreatmentDays, holdCalendar, openHoldSince } from './holds.ts';

describe('treatment days around holds', () => {
  const asOf = '2026-06-01';

  it.each([
    ['no hold', [], '2026-03-15'],
    ['a week on hold inside the 14 days', [{ from: '2026-03-05', to: '2026-03-12' }], '2026-03-22'],
    ['a hold starting the day the step falls due', [{ from: '2026-03-15', to: '2026-03-20' }], '2026-03-15'],
    ['a hold that began before and ended inside', [{ from: '2026-02-20', to: '2026-03-03' }], '2026-03-17'],
    [
      'two overlapping holds',
      [
        { from: '2026-03-05', to: '2026-03-10' },
        { from: '2026-03-08', to: '2026-03-12' },
      ],
      '2026-03-22',
    ],
  ])('counts 14 treatment days from 2026-03-01 with %s', (_, holds, expected) => {
    expect(addTreatmentDays('2026-03-01', 14, holdCalendar(holds, asOf))).toBe(expected);
  });

  it('takes an open hold to end tomorrow, so dates move later each day it lasts', () => {
    const holds = [{ from: '2026-03-05' }];
    expect(addTreatmentDays('2026-03-01', 14, holdCalendar(holds, '2026-03-10'))).toBe('2026-03-21');
    expect(addTreatmentDays('2026-03-01', 14, holdCalendar(holds, '2026-03-11'))).toBe('2026-03-22');
    expect(openHoldSince(holds, '2026-03-10')).toBe('2026-03-05');
  });

  it('sees no open hold on the day treatment resumed', () => {
    expect(openHoldSince([{ from: '2026-03-05', to: '2026-03-10' }], '2026-03-10')).toBeNull();
  });
});
