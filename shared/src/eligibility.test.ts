import { describe, expect, it } from 'vitest';
import { CONDITION_CODES, THERAPY_OUTCOMES, type TherapyClass, type TherapyOutcome } from './conditions.ts';
import { checkEligibility, type PriorTherapy } from './eligibility.ts';

const therapy = (
  drug: string,
  classes: TherapyClass[],
  outcome: TherapyOutcome = 'INEFFECTIVE',
): PriorTherapy => ({
  drug,
  classes,
  outcome,
});

const nortriptyline = (outcome: TherapyOutcome = 'INEFFECTIVE') => therapy('nortriptyline', ['TCA'], outcome);
const duloxetine = (outcome: TherapyOutcome = 'INEFFECTIVE') =>
  therapy('duloxetine', ['SNRI', 'FIBROMYALGIA_APPROVED'], outcome);
const gabapentin = (outcome: TherapyOutcome = 'INEFFECTIVE') =>
  therapy('gabapentin', ['ANTICONVULSANT'], outcome);
const pregabalin = (outcome: TherapyOutcome = 'INEFFECTIVE') =>
  therapy('pregabalin', ['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED'], outcome);
const interferon = (outcome: TherapyOutcome = 'ONGOING') =>
  therapy('interferon beta-1a', ['MS_DISEASE_MODIFYING'], outcome);

/** Therapies that meet every line of the condition, all with the given outcome (DMT aside). */
function fullHistory(condition: string, outcome: TherapyOutcome): PriorTherapy[] {
  switch (condition) {
    case 'NEUROPATHIC_CORNEAL_PAIN':
      return [nortriptyline(outcome)];
    case 'MULTIPLE_SCLEROSIS':
      return [nortriptyline(outcome), gabapentin(outcome), interferon()];
    case 'FIBROMYALGIA':
      return [nortriptyline(outcome), gabapentin(outcome), therapy('milnacipran', ['SNRI'], outcome)];
    default:
      return [nortriptyline(outcome), gabapentin(outcome)];
  }
}

// §2: INEFFECTIVE, INTOLERANT and CONTRAINDICATED count as failed; ONGOING does not.
const cases = CONDITION_CODES.flatMap((condition) =>
  THERAPY_OUTCOMES.map((outcome) => [condition, outcome, outcome !== 'ONGOING'] as const),
);

describe('checkEligibility', () => {
  it.each(cases)('%s with prior lines %s is eligible: %s', (condition, outcome, eligible) => {
    const result = checkEligibility({ condition, priorTherapies: fullHistory(condition, outcome) });
    expect(result.eligible).toBe(eligible);
    expect(result.findings.some((f) => f.code === 'ELIGIBILITY_PRIOR_LINES_MISSING')).toBe(!eligible);
  });

  it.each(THERAPY_OUTCOMES)('counts an MS disease-modifying therapy with outcome %s', (outcome) => {
    const result = checkEligibility({
      condition: 'MULTIPLE_SCLEROSIS',
      priorTherapies: [nortriptyline(), gabapentin(), interferon(outcome)],
    });
    expect(result.eligible).toBe(true);
    expect(result.requirements).toContainEqual({
      line: 'DISEASE_MODIFYING_THERAPY',
      met: true,
      metBy: 'interferon beta-1a',
      metByClass: 'MS_DISEASE_MODIFYING',
      classesFrom: 'VOCABULARY',
    });
  });

  it('lists each requirement of fibromyalgia as met or not, and by what', () => {
    const result = checkEligibility({
      condition: 'FIBROMYALGIA',
      priorTherapies: [
        therapy('amitriptyline', ['TCA'], 'ONGOING'),
        duloxetine('INTOLERANT'),
        gabapentin('ONGOING'),
      ],
    });
    expect(result.requirements).toEqual([
      { line: 'TCA_OR_SNRI', met: true, metBy: 'duloxetine', metByClass: 'SNRI', classesFrom: 'VOCABULARY' },
      { line: 'ANTICONVULSANT', met: false },
      {
        line: 'FIBROMYALGIA_DRUG',
        met: true,
        metBy: 'duloxetine',
        metByClass: 'FIBROMYALGIA_APPROVED',
        classesFrom: 'VOCABULARY',
      },
    ]);
    expect(result.eligible).toBe(false);
    expect(result.findings).toEqual([
      {
        code: 'ELIGIBILITY_PRIOR_LINES_MISSING',
        severity: 'SOFT_STOP',
        message: expect.stringContaining('A failed anticonvulsant.'),
        evidence: ['1', '2'],
      },
    ]);
  });

  it('lets one therapy meet several lines (pregabalin: anticonvulsant and fibromyalgia drug)', () => {
    const result = checkEligibility({
      condition: 'FIBROMYALGIA',
      priorTherapies: [nortriptyline(), pregabalin()],
    });
    expect(result.eligible).toBe(true);
    expect(result.requirements.map((r) => r.metBy)).toEqual(['nortriptyline', 'pregabalin', 'pregabalin']);
  });

  it.each(['Lyrica 75 mg', 'Cymbalta', 'Savella', 'PREGABALIN'])(
    'recognises %s as a fibromyalgia drug whatever classes were recorded',
    (drug) => {
      const result = checkEligibility({
        condition: 'FIBROMYALGIA',
        priorTherapies: [nortriptyline(), gabapentin(), therapy(drug, ['OTHER'])],
      });
      expect(result.requirements.at(-1)).toEqual({
        line: 'FIBROMYALGIA_DRUG',
        met: true,
        metBy: drug,
        metByClass: 'FIBROMYALGIA_APPROVED',
        classesFrom: 'VOCABULARY',
      });
    },
  );

  it('takes the first qualifying therapy in the order given as metBy', () => {
    const result = checkEligibility({
      condition: 'CRPS',
      priorTherapies: [
        duloxetine('ONGOING'),
        therapy('venlafaxine', ['SNRI']),
        nortriptyline(),
        gabapentin(),
      ],
    });
    expect(result.requirements[0]).toMatchObject({ line: 'TCA_OR_SNRI', met: true, metBy: 'venlafaxine' });
  });

  // §11: a recognised drug's classes come from the vocabulary, never from what was ticked.
  it('never lets pregabalin meet the MS disease-modifying line, whatever classes were recorded', () => {
    const result = checkEligibility({
      condition: 'MULTIPLE_SCLEROSIS',
      priorTherapies: [nortriptyline(), therapy('pregabalin', ['ANTICONVULSANT', 'MS_DISEASE_MODIFYING'])],
    });
    expect(result.requirements.at(-1)).toEqual({ line: 'DISEASE_MODIFYING_THERAPY', met: false });
    expect(result.eligible).toBe(false);
  });

  it('does not count gabapentin as a fibromyalgia drug even when ticked so', () => {
    const result = checkEligibility({
      condition: 'FIBROMYALGIA',
      priorTherapies: [nortriptyline(), therapy('gabapentin', ['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED'])],
    });
    expect(result.requirements.at(-1)).toEqual({ line: 'FIBROMYALGIA_DRUG', met: false });
  });

  it.each(['Tecfidera', 'Ocrevus', 'glatiramer acetate 20 mg/mL', 'fingolimod', 'Kesimpta'])(
    'counts %s as an MS disease-modifying therapy from the vocabulary',
    (drug) => {
      const result = checkEligibility({
        condition: 'MULTIPLE_SCLEROSIS',
        priorTherapies: [nortriptyline(), gabapentin(), therapy(drug, ['OTHER'], 'ONGOING')],
      });
      expect(result.requirements.at(-1)).toMatchObject({ met: true, metBy: drug, classesFrom: 'VOCABULARY' });
    },
  );

  it('reads the recorded classes of a drug the vocabulary does not recognise', () => {
    const result = checkEligibility({
      condition: 'CRPS',
      priorTherapies: [therapy('Zorbatriptyline (trial drug)', ['TCA']), gabapentin()],
    });
    expect(result.requirements[0]).toEqual({
      line: 'TCA_OR_SNRI',
      met: true,
      metBy: 'Zorbatriptyline (trial drug)',
      metByClass: 'TCA',
      classesFrom: 'RECORDED',
    });
  });

  it('asks neuropathic corneal pain for a failed TCA only; an SNRI does not do', () => {
    expect(
      checkEligibility({ condition: 'NEUROPATHIC_CORNEAL_PAIN', priorTherapies: [duloxetine()] }),
    ).toMatchObject({
      eligible: false,
      requirements: [{ line: 'TCA', met: false }],
    });
  });

  it('requires a documented disease-modifying therapy for MS', () => {
    const result = checkEligibility({
      condition: 'MULTIPLE_SCLEROSIS',
      priorTherapies: [nortriptyline(), gabapentin()],
    });
    expect(result.requirements.at(-1)).toEqual({ line: 'DISEASE_MODIFYING_THERAPY', met: false });
    expect(result.findings[0]?.message).toContain('disease-modifying');
  });

  it('warns of limited evidence on every OTHER_CHRONIC_PAIN trial, eligible or not', () => {
    const eligible = checkEligibility({
      condition: 'OTHER_CHRONIC_PAIN',
      priorTherapies: [nortriptyline(), gabapentin()],
    });
    expect(eligible.eligible).toBe(true);
    expect(eligible.findings).toEqual([
      { code: 'LIMITED_EVIDENCE', severity: 'WARNING', message: expect.any(String), evidence: ['1', '2'] },
    ]);
    const notEligible = checkEligibility({ condition: 'OTHER_CHRONIC_PAIN', priorTherapies: [] });
    expect(notEligible.findings.map((f) => f.code)).toEqual([
      'ELIGIBILITY_PRIOR_LINES_MISSING',
      'LIMITED_EVIDENCE',
    ]);
  });

  it.each(['MIGRAINE', 'fibromyalgia', ''])(
    'refuses %j as not an LDN indication (CONDITION_NOT_INDICATED)',
    (condition) => {
      expect(() => checkEligibility({ condition, priorTherapies: [] })).toThrow(
        expect.objectContaining({ code: 'CONDITION_NOT_INDICATED' }),
      );
    },
  );
});
