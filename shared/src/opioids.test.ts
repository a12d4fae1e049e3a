import { describe, expect, it } from 'vitest';
import { isOpioid } from './drugs/classify.ts';
import {
  checkNoActiveOpioid,
  checkOpioidFree,
  checkOpioidRecordedDuringTrial,
  opioidIngredientsOf,
  washoutDaysFor,
} from './opioids.ts';
import { definePolicy } from './policy.ts';

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('isOpioid', () => {
  it.each([
    'morphine',
    'Codeine',
    'OXYCODONE',
    'hydrocodone',
    'hydromorphone',
    'oxymorphone',
    'fentanyl patch 25 mcg/h',
    'tramadol',
    'tapentadol',
    'methadone',
    'buprenorphine',
    'meperidine',
    'levorphanol',
    'dihydrocodeine',
    'pentazocine',
    'butorphanol',
    'nalbuphine',
    'sufentanil',
    'remifentanil',
    'alfentanil',
    'opium tincture',
    'benzhydrocodone/acetaminophen',
    'oxycodone/acetaminophen',
    'Acetaminophen-Codeine #3',
    'buprenorphine-naloxone',
    'Percocet',
    'Vicodin',
    'Norco 10/325',
    'OxyContin 20 mg ER',
    'Dilaudid',
    'Duragesic',
    'Ultram',
    'Nucynta ER',
    'MS Contin 15 mg',
    'Suboxone film',
    'Subutex',
    'Zubsolv',
    'Butrans',
    'Belbuca',
  ])('recognises %s as an opioid', (drug) => {
    expect(isOpioid(drug)).toBe(true);
  });

  it.each([
    'naltrexone',
    'naloxone',
    'apomorphine',
    'acetaminophen',
    'gabapentin',
    'duloxetine',
    'Contin',
    'MS',
    '',
  ])('does not take %j for an opioid', (drug) => {
    expect(isOpioid(drug)).toBe(false);
  });

  it('lists the ingredients of a brand', () => {
    expect(opioidIngredientsOf('Suboxone')).toEqual(['buprenorphine']);
    expect(opioidIngredientsOf('Percocet')).toEqual(['oxycodone']);
    expect(opioidIngredientsOf('Tylenol #3')).toEqual(['codeine']);
    expect(opioidIngredientsOf('oxycodon')).toEqual(['oxycodone']);
    expect(opioidIngredientsOf('naltrexone')).toEqual([]);
  });
});

describe('washoutDaysFor', () => {
  it.each([
    ['oxycodone', 7],
    ['methadone', 14],
    ['Dolophine', 14],
    ['buprenorphine/naloxone', 14],
    ['Suboxone', 14],
    ['Butrans patch', 14],
    ['an unknown opioid', 7],
  ])('gives %s a washout of %i days by default', (drug, days) => {
    expect(washoutDaysFor(drug)).toBe(days);
  });

  it('follows a clinic policy', () => {
    expect(washoutDaysFor('methadone', definePolicy({ opioidWashoutDays: { methadone: 21 } }))).toBe(21);
  });
});

describe('checkOpioidFree', () => {
  const ready = { startDate: '2026-01-15', activeMedications: ['gabapentin'], attestedOn: '2026-01-14' };

  it('finds nothing against an attested, opioid-free start', () => {
    expect(checkOpioidFree(ready)).toEqual([]);
  });

  it('refuses a start while an opioid is active', () => {
    expect(checkOpioidFree({ ...ready, activeMedications: ['gabapentin', 'Norco 5/325'] })).toEqual([
      {
        code: 'OPIOID_CONCURRENT_USE',
        severity: 'HARD_STOP',
        message: expect.stringContaining('Norco 5/325'),
        evidence: ['7', '8'],
      },
    ]);
  });

  it.each([
    ['no attestation', { attestedOn: undefined }],
    ['an attestation after the start', { attestedOn: '2026-01-16' }],
    [
      'an attestation before the last opioid dose',
      { attestedOn: '2026-01-01', lastOpioidDose: { drug: 'tramadol', date: '2026-01-02' } },
    ],
  ])('refuses a start with %s (OPIOID_FREE_NOT_ATTESTED)', (_, change) => {
    expect(codes(checkOpioidFree({ ...ready, ...change }))).toEqual(['OPIOID_FREE_NOT_ATTESTED']);
  });

  it('accepts an attestation on the start date and on the day of the last dose', () => {
    expect(checkOpioidFree({ ...ready, attestedOn: '2026-01-15' })).toEqual([]);
    expect(
      checkOpioidFree({
        ...ready,
        attestedOn: '2026-01-02',
        lastOpioidDose: { drug: 'tramadol', date: '2026-01-02' },
      }),
    ).toEqual([]);
  });

  it.each([
    ['oxycodone', '2026-01-07', ['OPIOID_WASHOUT']],
    ['oxycodone', '2026-01-08', []],
    ['methadone', '2026-01-14', ['OPIOID_WASHOUT']],
    ['methadone', '2026-01-15', []],
    ['Suboxone', '2026-01-14', ['OPIOID_WASHOUT']],
    ['buprenorphine', '2026-01-15', []],
    ['something unrecognised', '2026-01-07', ['OPIOID_WASHOUT']],
  ])('after a last dose of %s on Jan 1, a start on %s finds %j', (drug, startDate, expected) => {
    const input = {
      startDate,
      activeMedications: [],
      attestedOn: '2026-01-01',
      lastOpioidDose: { drug, date: '2026-01-01' },
    };
    expect(codes(checkOpioidFree(input))).toEqual(expected);
  });

  it('says when the earliest start is and which policy set the washout', () => {
    const [washout] = checkOpioidFree({
      startDate: '2026-01-07',
      activeMedications: [],
      attestedOn: '2026-01-01',
      lastOpioidDose: { drug: 'oxycodone', date: '2026-01-01' },
    });
    expect(washout).toMatchObject({ severity: 'HARD_STOP', evidence: ['2'] });
    expect(washout?.message).toContain('2026-01-08');
    expect(washout?.message).toContain('Default (clinical-rules.md)');
  });

  it('uses a clinic washout when given one', () => {
    const input = {
      startDate: '2026-01-08',
      activeMedications: [],
      attestedOn: '2026-01-01',
      lastOpioidDose: { drug: 'oxycodone', date: '2026-01-01' },
    };
    expect(codes(checkOpioidFree(input, definePolicy({ opioidWashoutDays: { standard: 10 } })))).toEqual([
      'OPIOID_WASHOUT',
    ]);
  });

  it('returns every finding at once', () => {
    const input = {
      startDate: '2026-01-03',
      activeMedications: ['fentanyl'],
      lastOpioidDose: { drug: 'fentanyl', date: '2026-01-02' },
    };
    expect(codes(checkOpioidFree(input))).toEqual([
      'OPIOID_CONCURRENT_USE',
      'OPIOID_FREE_NOT_ATTESTED',
      'OPIOID_WASHOUT',
    ]);
  });
});

describe('checkOpioidRecordedDuringTrial', () => {
  it('puts an active trial and its open orders on hold, and warns that LDN blocks the analgesia', () => {
    const result = checkOpioidRecordedDuringTrial({ drug: 'tramadol 50 mg', trialActive: true });
    expect(result).toMatchObject({ holdTrial: true, holdOpenOrders: true });
    expect(result.findings).toEqual([
      {
        code: 'OPIOID_STARTED_DURING_TRIAL',
        severity: 'WARNING',
        message: expect.stringContaining('blocks its analgesia'),
        evidence: ['7', '8'],
      },
    ]);
  });

  it.each([
    ['a non-opioid during a trial', { drug: 'ibuprofen', trialActive: true }],
    ['an opioid without an active trial', { drug: 'tramadol', trialActive: false }],
  ])('changes nothing for %s', (_, input) => {
    expect(checkOpioidRecordedDuringTrial(input)).toEqual({
      findings: [],
      holdTrial: false,
      holdOpenOrders: false,
    });
  });
});

describe('checkNoActiveOpioid (§11: stored classifications)', () => {
  it('reads a stored classification rather than the name', () => {
    expect(codes(checkNoActiveOpioid([{ drug: 'Zorbafen', isOpioid: true }]))).toEqual([
      'OPIOID_CONCURRENT_USE',
    ]);
    expect(checkNoActiveOpioid([{ drug: 'Zorbafen', isOpioid: false }])).toEqual([]);
  });

  it.each(['Tylenol #3', 'oxycodon 5 mg', 'Hycodan', 'Suboxon'])('refuses while %s is active', (drug) => {
    expect(codes(checkNoActiveOpioid([drug]))).toEqual(['OPIOID_CONCURRENT_USE']);
  });

  it('finds nothing in a list of non-opioids', () => {
    expect(checkNoActiveOpioid(['naltrexone 4.5 mg', 'gabapentin', 'oxybutynin'])).toEqual([]);
  });
});
