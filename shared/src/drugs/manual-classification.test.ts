import { describe, expect, it } from 'vitest';
import { manualClassificationFor, manualClassificationProblem } from './manual-classification.ts';

describe('manualClassificationFor', () => {
  it.each([
    ['UNRECOGNISED', 'REQUIRED'],
    ['PROBABLE', 'ALLOWED'],
    ['RECOGNISED', 'NOT_ALLOWED'],
  ] as const)('a %s name: classes by hand %s', (status, expected) => {
    expect(manualClassificationFor(status)).toBe(expected);
  });
});

describe('manualClassificationProblem', () => {
  it('accepts a medication confirmed not to be an opioid', () => {
    expect(manualClassificationProblem({ classes: ['OTHER'], notAnOpioid: true }, 'MEDICATION')).toBeNull();
  });

  it('accepts a medication classed as an opioid without the confirmation', () => {
    expect(manualClassificationProblem({ classes: ['OPIOID'] }, 'MEDICATION')).toBeNull();
  });

  it('refuses a medication neither classed as an opioid nor confirmed not to be one', () => {
    expect(manualClassificationProblem({ classes: ['OTHER'] }, 'MEDICATION')).toMatch(/not an opioid/);
    expect(
      manualClassificationProblem({ classes: ['OTHER'], notAnOpioid: false }, 'MEDICATION'),
    ).not.toBeNull();
  });

  it('refuses OPIOID together with "not an opioid"', () => {
    expect(
      manualClassificationProblem({ classes: ['OPIOID'], notAnOpioid: true }, 'PRIOR_THERAPY'),
    ).not.toBeNull();
  });

  it('needs no confirmation for a prior therapy', () => {
    expect(manualClassificationProblem({ classes: ['TCA'] }, 'PRIOR_THERAPY')).toBeNull();
  });

  it.each([[[]], [['TCA', 'TCA']]] as const)('refuses the classes %j', (classes) => {
    expect(manualClassificationProblem({ classes: [...classes] }, 'PRIOR_THERAPY')).not.toBeNull();
  });
});
