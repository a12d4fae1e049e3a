import { describe, expect, it } from 'vitest';
import {
  checkOrderLines,
  refillDue,
  singleStrengthOrder,
  supplyRunsOutOn,
  titrationPackOrder,
} from './orders.ts';

describe('titrationPackOrder', () => {
  it('follows the default schedule: 14 nights 1.5 mg, 14 nights 3.0 mg, then 4.5 mg', () => {
    const order = titrationPackOrder({ schedule: { startDate: '2026-03-01' }, formulation: 'CAPSULE' });
    expect(
      order.lines.map(({ doseMg, quantity, daysSupply, startsOn, directions }) => ({
        doseMg,
        quantity,
        daysSupply,
        startsOn,
        directions,
      })),
    ).toEqual([
      {
        doseMg: 1.5,
        quantity: 14,
        daysSupply: 14,
        startsOn: '2026-03-01',
        directions: 'Take one 1.5 mg capsule by mouth at bedtime for 14 nights',
      },
      {
        doseMg: 3,
        quantity: 14,
        daysSupply: 14,
        startsOn: '2026-03-15',
        directions: 'Take one 3.0 mg capsule by mouth at bedtime for 14 nights',
      },
      {
        doseMg: 4.5,
        quantity: 30,
        daysSupply: 30,
        startsOn: '2026-03-29',
        directions: 'Take one 4.5 mg capsule by mouth at bedtime',
      },
    ]);
    expect(order).toMatchObject({ kind: 'TITRATION_PACK', totalDaysSupply: 58, findings: [] });
    expect(order.lines[0]).toMatchObject({
      strength: { value: 1.5, unit: 'mg' },
      quantityUnit: 'capsule',
      amountPerNight: 1,
    });
  });

  it('starts a pack mid-schedule from the given date', () => {
    const order = titrationPackOrder({
      schedule: { startDate: '2026-03-01' },
      formulation: 'CAPSULE',
      fromDate: '2026-03-20',
      targetDaysSupply: 60,
    });
    expect(order.lines.map((line) => [line.doseMg, line.startsOn, line.daysSupply])).toEqual([
      [3, '2026-03-20', 9],
      [4.5, '2026-03-29', 60],
    ]);
  });

  it('stops at a maintenance dose', () => {
    const order = titrationPackOrder({
      schedule: { startDate: '2026-03-01', maintenanceDoseMg: 3 },
      formulation: 'CAPSULE',
    });
    expect(order.lines.map((line) => line.doseMg)).toEqual([1.5, 3]);
  });

  it.each([
    ['ORAL_SOLUTION', 'Take 1.5 mL (1.5 mg) by mouth at bedtime for 14 nights', 21],
    ['SUBLINGUAL_DROPS', 'Place 1.5 mL (1.5 mg) under the tongue at bedtime for 14 nights', 21],
  ] as const)('writes the directions of %s in mL at 1 mg/mL', (formulation, directions, quantity) => {
    const [first] = titrationPackOrder({ schedule: { startDate: '2026-03-01' }, formulation }).lines;
    expect(first).toMatchObject({
      directions,
      quantity,
      quantityUnit: 'mL',
      strength: { value: 1, unit: 'mg/mL' },
    });
  });

  it('measures liquids at another strength', () => {
    const [, second] = titrationPackOrder({
      schedule: { startDate: '2026-03-01' },
      formulation: 'ORAL_SOLUTION',
      liquidStrengthMgPerMl: 0.5,
    }).lines;
    expect(second).toMatchObject({
      amountPerNight: 6,
      quantity: 84,
      directions: 'Take 6 mL (3.0 mg) by mouth at bedtime for 14 nights',
    });
  });

  it('refuses a liquid strength that gives an unmeasurable volume (INVALID_ORDER)', () => {
    expect(() =>
      titrationPackOrder({
        schedule: { startDate: '2026-03-01' },
        formulation: 'ORAL_SOLUTION',
        liquidStrengthMgPerMl: 0.7,
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ORDER' }));
  });
});

describe('singleStrengthOrder', () => {
  it('orders one strength for the days supplied', () => {
    const order = singleStrengthOrder({ doseMg: 4.5, daysSupply: 90, formulation: 'CAPSULE' });
    expect(order.lines).toEqual([
      {
        formulation: 'CAPSULE',
        doseMg: 4.5,
        strength: { value: 4.5, unit: 'mg' },
        quantity: 90,
        quantityUnit: 'capsule',
        amountPerNight: 1,
        daysSupply: 90,
        startsOn: null,
        directions: 'Take one 4.5 mg capsule by mouth at bedtime',
      },
    ]);
    expect(order.findings).toEqual([]);
  });

  it.each([
    [5, ['DOSE_ABOVE_MAXIMUM']],
    [50, ['DOSE_ABOVE_MAXIMUM']],
    [1.25, ['DOSE_INVALID']],
  ])('refuses a single strength of %s mg with %j and no lines', (doseMg, codes) => {
    const order = singleStrengthOrder({ doseMg, daysSupply: 30, formulation: 'CAPSULE' });
    expect(order.findings.map((f) => f.code)).toEqual(codes);
    expect(order.lines).toEqual([]);
  });

  it.each([0, 2.5, -7])('refuses %s days of supply (INVALID_ORDER)', (daysSupply) => {
    expect(() => singleStrengthOrder({ doseMg: 1.5, daysSupply, formulation: 'CAPSULE' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ORDER' }),
    );
  });
});

describe('checkOrderLines', () => {
  it('applies the dose rules to every line', () => {
    expect(checkOrderLines([{ doseMg: 1.5 }, { doseMg: 45 }]).map((f) => f.code)).toEqual([
      'DOSE_ABOVE_MAXIMUM',
    ]);
  });
});

describe('supplyRunsOutOn', () => {
  it('covers 30 nights from the first night to the 30th', () => {
    expect(supplyRunsOutOn('2026-03-01', 30)).toBe('2026-03-30');
  });
});

describe('refillDue', () => {
  // 30 nights dispensed on 03-01 run out on 03-30; flagged from 7 days before.
  it.each([
    ['2026-03-22', false],
    ['2026-03-23', true],
    ['2026-03-30', true],
    ['2026-04-05', true],
  ])('on %s is %s for 30 nights dispensed on 2026-03-01', (asOf, due) => {
    expect(refillDue('2026-03-01', 30, asOf)).toBe(due);
  });
});
