import { describe, expect, it } from 'vitest';
import { consentStateOf } from './consent.ts';
import { activeOpioidNames, checkAttestationDraft, lastStoppedOpioid } from './opioid-free.ts';
import { detailsOf, emptyDetails, registrationInputOf, updateInputOf } from './patient-details.ts';
import { startRequirementsOf } from './start-readiness.ts';

describe('the consent checklist', () => {
  it.each([
    [[], false],
    [['OFF_LABEL_LIMITED_EVIDENCE', 'MODEST_SUBJECTIVE_BENEFIT', 'COMPOUNDING_NOT_COVERED'], false],
    [
      ['AVOID_OPIOIDS', 'COMPOUNDING_NOT_COVERED', 'MODEST_SUBJECTIVE_BENEFIT', 'OFF_LABEL_LIMITED_EVIDENCE'],
      true,
    ],
  ] as const)('with %j is complete: %s', (points, complete) => {
    expect(consentStateOf(points, '2026-03-10').complete).toBe(complete);
  });

  it('names the points still missing', () => {
    expect(consentStateOf(['AVOID_OPIOIDS'], '2026-03-10').missing).toEqual([
      'OFF_LABEL_LIMITED_EVIDENCE',
      'MODEST_SUBJECTIVE_BENEFIT',
      'COMPOUNDING_NOT_COVERED',
    ]);
  });
});

describe('the patient details', () => {
  it('registers with trimmed text and leaves empty optional fields out', () => {
    const draft = {
      ...emptyDetails(),
      givenName: ' Ann ',
      familyName: 'Lee',
      dateOfBirth: '1970-01-02',
      mrn: 'M-1 ',
    };
    expect(registrationInputOf({ ...draft, phone: ' 555 ' })).toEqual({
      givenName: 'Ann',
      familyName: 'Lee',
      dateOfBirth: '1970-01-02',
      mrn: 'M-1',
      phone: '555',
    });
  });

  it('changes only what differs, and clears an optional field emptied', () => {
    const recorded = detailsOf({
      givenName: 'Ann',
      familyName: 'Lee',
      mrn: 'M-1',
      phone: '555',
      email: null,
    });
    expect(updateInputOf({ ...recorded, familyName: 'Lee-Smith', phone: '' }, recorded)).toEqual({
      familyName: 'Lee-Smith',
      phone: null,
    });
    expect(updateInputOf(recorded, recorded)).toEqual({});
  });
});

describe('the opioid-free attestation', () => {
  it('takes the latest opioid stopped as the last dose', () => {
    const medication = (
      drug: string,
      isOpioid: boolean,
      stoppedOn: string | null,
      enteredInError = false,
    ) => ({
      drug,
      stoppedOn,
      isOpioid,
      enteredInError,
    });
    expect(
      lastStoppedOpioid([
        medication('tramadol', true, '2026-02-01'),
        medication('oxycodone', true, '2026-02-20'),
        medication('gabapentin', false, '2026-03-01'),
        medication('codeine', true, null),
        medication('Tylenol #3', true, '2026-02-25', true),
      ]),
    ).toEqual({ drug: 'oxycodone', stoppedOn: '2026-02-20' });
  });

  it('names the active opioids by their stored classification, leaving out those entered in error', () => {
    const medication = (drug: string, isOpioid: boolean, active: boolean, enteredInError = false) => ({
      drug,
      isOpioid,
      active,
      enteredInError,
    });
    expect(
      activeOpioidNames([
        medication('Tylenol #3', true, true),
        medication('Zorblex', true, true),
        medication('tramadol', true, false),
        medication('oxycodone', true, true, true),
        medication('gabapentin', false, true),
      ]),
    ).toEqual(['Tylenol #3', 'Zorblex']);
  });

  it('asks for the last opioid and its date together, not after the attestation', () => {
    const base = { attestedOn: '2026-03-10', lastOpioidDrug: '', lastOpioidDoseOn: '' };
    expect(checkAttestationDraft(base).problem).toBeNull();
    expect(checkAttestationDraft({ ...base, lastOpioidDrug: 'tramadol' }).problem).toMatch(/together/);
    expect(
      checkAttestationDraft({ ...base, lastOpioidDrug: 'tramadol', lastOpioidDoseOn: '2026-03-11' }).problem,
    ).toMatch(/after the attestation/);
  });

  it('gives the washout of the default policy: 14 days for methadone, 7 for the others', () => {
    const draft = { attestedOn: '2026-03-10', lastOpioidDoseOn: '2026-03-01' };
    expect(checkAttestationDraft({ ...draft, lastOpioidDrug: 'methadone' }).washout).toEqual({
      days: 14,
      earliestStart: '2026-03-15',
    });
    expect(checkAttestationDraft({ ...draft, lastOpioidDrug: 'Percocet' }).washout).toEqual({
      days: 7,
      earliestStart: '2026-03-08',
    });
  });
});

describe('the requirements of a start', () => {
  const finding = (code: string, severity: string) => ({ code, severity, message: code, evidence: [] });

  it('sorts findings under their requirement: hard stops not met, soft stops need an override', () => {
    const requirements = startRequirementsOf([
      finding('ELIGIBILITY_PRIOR_LINES_MISSING', 'SOFT_STOP'),
      finding('OPIOID_CONCURRENT_USE', 'HARD_STOP'),
      finding('OPIOID_FREE_NOT_ATTESTED', 'HARD_STOP'),
      finding('LIMITED_EVIDENCE', 'WARNING'),
    ]);
    expect(requirements.map(({ key, status, findings }) => [key, status, findings.length])).toEqual([
      ['PRIOR_LINES', 'OVERRIDE', 1],
      ['OPIOID_FREE', 'NOT_MET', 2],
      ['BASELINE', 'MET', 0],
      ['CONSENT', 'MET', 0],
    ]);
  });
});
