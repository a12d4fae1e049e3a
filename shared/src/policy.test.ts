import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, definePolicy } from './policy.ts';

describe('clinic policy', () => {
  it('holds the defaults of clinical-rules.md', () => {
    expect(DEFAULT_POLICY).toEqual({
      name: 'Default (clinical-rules.md)',
      opioidWashoutDays: { standard: 7, methadone: 14, buprenorphine: 14 },
      responseThresholdsPercent: { substantial: 50, meaningful: 30, minimal: 10 },
      overrideReasonMinimumWords: 3,
    });
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
  });

  it('keeps the defaults a clinic does not change', () => {
    const policy = definePolicy({ name: 'North clinic', opioidWashoutDays: { standard: 10 } });
    expect(policy).toMatchObject({
      name: 'North clinic',
      opioidWashoutDays: { standard: 10, methadone: 14, buprenorphine: 14 },
      responseThresholdsPercent: { substantial: 50, meaningful: 30, minimal: 10 },
    });
  });

  it.each([
    ['a negative washout', { opioidWashoutDays: { standard: -1 } }],
    ['a fractional washout', { opioidWashoutDays: { methadone: 13.5 } }],
    ['thresholds out of order', { responseThresholdsPercent: { meaningful: 60 } }],
    ['a zero minimal threshold', { responseThresholdsPercent: { minimal: 0 } }],
    ['a threshold above 100 %', { responseThresholdsPercent: { substantial: 120 } }],
  ])('refuses %s (INVALID_POLICY)', (_, changes) => {
    expect(() => definePolicy(changes)).toThrow(expect.objectContaining({ code: 'INVALID_POLICY' }));
  });
});
