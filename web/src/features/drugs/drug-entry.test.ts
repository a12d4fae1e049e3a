import { describe, expect, it } from 'vitest';
import { CLINICIAN_MUST_CLASSIFY, drugEntryOf, NO_MANUAL_CLASSES } from './drug-entry.ts';

const entry = (drug: string, overrides: Partial<Parameters<typeof drugEntryOf>[0]> = {}) =>
  drugEntryOf({ drug, draft: NO_MANUAL_CLASSES, use: 'MEDICATION', canClassify: true, ...overrides });

describe('a typed drug name, read by the rules package', () => {
  it('sends no classification for a recognised drug: its classes come from the vocabulary', () => {
    const tylenol = entry('Tylenol #3');
    expect(tylenol.classification?.ingredients).toEqual(['acetaminophen', 'codeine']);
    expect(tylenol).toMatchObject({ isOpioid: true, manual: 'NOT_ALLOWED', input: undefined, problem: null });
  });

  it('treats a probable opioid as an opioid, with classes optional', () => {
    const probable = entry('oxycodon');
    expect(probable).toMatchObject({ isOpioid: true, manual: 'ALLOWED', input: undefined, problem: null });
    expect(probable.classification?.suggestion).toBe('oxycodone');
  });

  it('needs a clinician to classify an unrecognised name, with the explicit "not an opioid" for a medication', () => {
    expect(entry('Zorblex').problem).toBe('Choose at least one class.');
    const draft = { classes: ['OTHER' as const], notAnOpioid: false };
    expect(entry('Zorblex', { draft }).problem).toMatch(/not an opioid/);
    expect(entry('Zorblex', { draft: { ...draft, notAnOpioid: true } })).toMatchObject({
      problem: null,
      input: { classes: ['OTHER'], notAnOpioid: true },
    });
    expect(entry('Zorblex', { draft, use: 'PRIOR_THERAPY' })).toMatchObject({
      problem: null,
      input: { classes: ['OTHER'] },
    });
  });

  it('lets a coordinator save a recognised name but never an unrecognised one', () => {
    expect(entry('gabapentin', { canClassify: false }).problem).toBeNull();
    expect(entry('Zorblex', { canClassify: false })).toMatchObject({
      problem: CLINICIAN_MUST_CLASSIFY,
      input: undefined,
    });
  });

  it('sends the classes in the order of the enum, whatever order they were ticked in', () => {
    const draft = { classes: ['ANTICONVULSANT' as const, 'TCA' as const], notAnOpioid: false };
    expect(entry('Zorblex', { draft, use: 'PRIOR_THERAPY' }).input).toEqual({
      classes: ['TCA', 'ANTICONVULSANT'],
    });
  });

  it('needs no new classification when an amendment keeps an unrecognised name on record', () => {
    expect(entry('Zorblex', { unchangedFrom: 'Zorblex' })).toMatchObject({
      manual: 'ALLOWED',
      problem: null,
    });
    expect(entry('')).toMatchObject({ classification: null, problem: 'Enter the drug.' });
  });
});
