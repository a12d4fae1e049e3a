import { describe, expect, it } from 'vitest';
import * as rules from './index.ts';

describe('the package root', () => {
  it.each([
    'checkDose',
    'checkDoseChange',
    'planTitration',
    'isOpioid',
    'checkOpioidFree',
    'checkEligibility',
    'classifyResponse',
    'continuation',
  ])('exports the §9 entry point %s', (name) => {
    expect(typeof (rules as Record<string, unknown>)[name]).toBe('function');
  });

  it('throws input errors as RuleInputError with a stable code', () => {
    expect(() => rules.planTitration({ startDate: '2026-02-30' })).toThrow(rules.RuleInputError);
    expect(() => rules.checkEligibility({ condition: 'GOUT', priorTherapies: [] })).toThrow(
      expect.objectContaining({ name: 'RuleInputError', code: 'CONDITION_NOT_INDICATED' }),
    );
  });
});
