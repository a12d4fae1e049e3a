import { describe, expect, it } from 'vitest';
import { quantityOnLabel } from './label.ts';

describe('quantityOnLabel', () => {
  it.each([
    [1, 'capsule', '1 capsule'],
    [2, 'capsule', '2 capsules'],
    [14, 'capsule', '14 capsules'],
    [0, 'capsule', '0 capsules'],
    [30, 'mL', '30 mL'],
    [1, 'mL', '1 mL'],
    [2.5, 'mL', '2.5 mL'],
    [12.25, 'mL', '12.25 mL'],
  ])('writes %s %s as "%s"', (quantity, unit, expected) => {
    expect(quantityOnLabel(quantity, unit)).toBe(expected);
  });
});
