import { describe, expect, it } from 'vitest';
import { compoundingCalculation } from './compounding.ts';

const capsules = (strength: number, quantity: number) => ({
  strength,
  strengthUnit: 'mg',
  quantity,
  quantityUnit: 'capsule',
});

describe('compoundingCalculation', () => {
  it.each([
    // quantity, capsules made with 5 % overage (rounded up to whole capsules)
    [1, 2],
    [14, 15],
    [20, 21],
    [30, 32],
    [60, 63],
  ])('makes %s capsules as %s with the overage', (quantity, made) => {
    expect(compoundingCalculation(capsules(1.5, quantity)).unitsToMake).toBe(made);
  });

  it('weighs the strength times the capsules made, and shows the arithmetic', () => {
    const calculation = compoundingCalculation(capsules(4.5, 30));
    expect(calculation.naltrexoneHclMg).toBe(144);
    expect(calculation.steps).toEqual([
      '30 capsules + 5 % overage = 32 capsules',
      '4.5 mg × 32 = 144 mg naltrexone HCl',
    ]);
    expect(calculation.filler).toMatch(/fill each capsule/);
  });

  it('makes a liquid to the next 0.1 mL and brings it to volume with the vehicle', () => {
    const calculation = compoundingCalculation({
      strength: 1,
      strengthUnit: 'mg/mL',
      quantity: 30,
      quantityUnit: 'mL',
    });
    expect(calculation.unitsToMake).toBe(31.5);
    expect(calculation.naltrexoneHclMg).toBe(31.5);
    expect(calculation.filler).toBe('Vehicle to 31.5 mL');
  });

  it('makes exactly the quantity with no overage', () => {
    expect(compoundingCalculation(capsules(3, 14), 0)).toMatchObject({
      unitsToMake: 14,
      naltrexoneHclMg: 42,
    });
  });

  it.each([
    ['a strength of zero', capsules(0, 14), 0.05],
    ['a quantity of zero', capsules(1.5, 0), 0.05],
    ['a negative overage', capsules(1.5, 14), -0.01],
  ])('refuses %s', (_, line, overage) => {
    expect(() => compoundingCalculation(line, overage)).toThrow(
      expect.objectContaining({ name: 'RuleInputError', code: 'INVALID_ORDER' }),
    );
  });
});
