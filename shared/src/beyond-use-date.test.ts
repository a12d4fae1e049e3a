import { describe, expect, it } from 'vitest';
import { beyondUseDateKindOf, checkBeyondUseDate, USP_795_DEFAULT_BUD_DAYS } from './beyond-use-date.ts';

describe('USP <795> beyond-use dates', () => {
  it('holds the default days of each kind of preparation', () => {
    expect(USP_795_DEFAULT_BUD_DAYS).toEqual({
      SOLID: 180,
      NON_AQUEOUS_LIQUID: 90,
      PRESERVED_AQUEOUS: 35,
      NON_PRESERVED_AQUEOUS_REFRIGERATED: 14,
    });
  });

  it.each([
    ['CAPSULE', undefined, 'SOLID'],
    ['SUBLINGUAL_DROPS', 'NON_AQUEOUS', 'NON_AQUEOUS_LIQUID'],
    ['ORAL_SOLUTION', 'PRESERVED_AQUEOUS', 'PRESERVED_AQUEOUS'],
    ['ORAL_SOLUTION', 'NON_PRESERVED_AQUEOUS', 'NON_PRESERVED_AQUEOUS_REFRIGERATED'],
    ['ORAL_SOLUTION', undefined, 'NON_PRESERVED_AQUEOUS_REFRIGERATED'],
  ] as const)('files %s in vehicle %s as %s', (formulation, vehicle, kind) => {
    expect(beyondUseDateKindOf(formulation, vehicle)).toBe(kind);
  });

  it.each([
    ['SOLID', '2026-08-28', false],
    ['SOLID', '2026-08-29', true],
    ['PRESERVED_AQUEOUS', '2026-04-05', false],
    ['PRESERVED_AQUEOUS', '2026-04-06', true],
    ['NON_PRESERVED_AQUEOUS_REFRIGERATED', '2026-03-15', false],
    ['NON_PRESERVED_AQUEOUS_REFRIGERATED', '2026-03-16', true],
    ['NON_AQUEOUS_LIQUID', '2026-05-30', false],
    ['NON_AQUEOUS_LIQUID', '2026-05-31', true],
  ] as const)(
    'for %s compounded 2026-03-01, a BUD of %s needs a reason: %s',
    (kind, beyondUseDate, needsReason) => {
      const result = checkBeyondUseDate({ compoundedOn: '2026-03-01', beyondUseDate, kind });
      expect(result.exceedsDefault).toBe(needsReason);
      expect(result.findings.map((f) => f.code)).toEqual(
        needsReason ? ['BEYOND_USE_DATE_EXCEEDS_DEFAULT'] : [],
      );
    },
  );

  it('accepts a later BUD with a documented reason', () => {
    const result = checkBeyondUseDate({
      compoundedOn: '2026-03-01',
      beyondUseDate: '2026-12-01',
      kind: 'SOLID',
      reason: 'Stability-indicating study on file, ref 2025-114.',
    });
    expect(result).toMatchObject({ exceedsDefault: true, findings: [], defaultBeyondUseDate: '2026-08-28' });
  });

  it('refuses a BUD before the compounding date (INVALID_ORDER)', () => {
    expect(() =>
      checkBeyondUseDate({ compoundedOn: '2026-03-01', beyondUseDate: '2026-02-01', kind: 'SOLID' }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_ORDER' }));
  });
});
