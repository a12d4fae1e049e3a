import { describe, expect, it } from 'vitest';
import { CONDITION_CODINGS } from './condition-codes.ts';
import { CONDITION_CODES } from './conditions.ts';

describe('the codes of the indications', () => {
  it('covers every indication, each code well formed', () => {
    expect(Object.keys(CONDITION_CODINGS).sort()).toEqual([...CONDITION_CODES].sort());
    for (const { icd10cm, snomedCt } of Object.values(CONDITION_CODINGS)) {
      if (icd10cm !== null) expect(icd10cm.code).toMatch(/^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/);
      if (snomedCt !== null) expect(snomedCt.code).toMatch(/^\d{6,18}$/);
    }
  });

  it('gives no ICD-10-CM code where the classification needs what we do not record', () => {
    // MS by its course (FY2026), CRPS by type and limb, diabetic neuropathy by diabetes type.
    expect(CONDITION_CODINGS.MULTIPLE_SCLEROSIS.icd10cm).toBeNull();
    expect(CONDITION_CODINGS.CRPS.icd10cm).toBeNull();
    expect(CONDITION_CODINGS.PAINFUL_DIABETIC_NEUROPATHY.icd10cm).toBeNull();
  });
});
