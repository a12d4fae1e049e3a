import { type Medication, medicationDrugColumns, type Patient, type PrismaClient } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { type Api, aPatient, apiAs } from './patient.builders.ts';
import {
  ATTEST_OPIOID_FREE,
  RECORD_CONSENT,
  RECORD_MEDICATION,
  RECORD_PRIOR_THERAPY,
  RECORD_SYMPTOM_SCORE,
  STOP_MEDICATION,
} from './patient.operations.ts';

/** Every row a history mutation could write, so "nothing changed" covers all of them. */
async function snapshot(prisma: PrismaClient) {
  const [therapies, medications, stopped, attestations, consents, scores, audits] = await Promise.all([
    prisma.priorTherapy.count(),
    prisma.medication.count(),
    prisma.medication.count({ where: { stoppedOn: { not: null } } }),
    prisma.opioidFreeAttestation.count(),
    prisma.consent.count(),
    prisma.symptomScore.findMany({ orderBy: { id: 'asc' } }),
    prisma.auditLog.count({ where: { action: { not: 'SIGN_IN' } } }),
  ]);
  return { therapies, medications, stopped, attestations, consents, scores, audits };
}

const therapy = (overrides: Record<string, unknown>) => ({
  drug: 'nortriptyline',
  outcome: 'INEFFECTIVE',
  ...overrides,
});

/** A name the drug vocabulary does not recognise (clinical-rules §11): a clinician must classify it. */
const UNRECOGNISED = 'Zorbafen';

describe('malformed history input', () => {
  // Today is 2026-03-10 in the clinic.
  let server: TestServer;
  let asClinician: Api;
  let patient: Patient;
  let medication: Medication;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-10T15:00:00Z') });
    const cast = await aNetwork(server.db.prisma);
    asClinician = apiAs(server, await signIn(server, cast.clinician));
    patient = await aPatient(server.db.prisma, cast.clinic.id);
    medication = await server.db.prisma.medication.create({
      data: {
        patientId: patient.id,
        ...medicationDrugColumns('tramadol'),
        startedOn: new Date('2026-03-01T00:00:00Z'),
        recordedById: cast.clinician.id,
      },
    });
    // An existing score, so a refused re-recording of the same day must leave it as it was.
    await server.db.prisma.symptomScore.create({
      data: {
        patientId: patient.id,
        measure: 'PAIN_NRS',
        scoredOn: new Date('2026-03-09T00:00:00Z'),
        score: 6,
        recordedById: cast.clinician.id,
      },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each([
    // §11: the classes of a recognised drug come from the vocabulary; the form has no classes field.
    ['recordPriorTherapy', RECORD_PRIOR_THERAPY, therapy({ classes: ['MS_DISEASE_MODIFYING'] }), 'input'],
    ['recordPriorTherapy', RECORD_PRIOR_THERAPY, therapy({ classes: ['DISEASE_SPECIFIC'] }), 'input'],
    [
      'recordPriorTherapy',
      RECORD_PRIOR_THERAPY,
      therapy({ classification: { classes: ['MS_DISEASE_MODIFYING'] } }),
      'classification',
    ],
    // An unrecognised name needs a clinician's classification: at least one class, each once, of the enum.
    ['recordPriorTherapy', RECORD_PRIOR_THERAPY, therapy({ drug: UNRECOGNISED }), 'classification'],
    [
      'recordPriorTherapy',
      RECORD_PRIOR_THERAPY,
      therapy({ drug: UNRECOGNISED, classification: { classes: [] } }),
      'classification',
    ],
    [
      'recordPriorTherapy',
      RECORD_PRIOR_THERAPY,
      therapy({ drug: UNRECOGNISED, classification: { classes: ['TCA', 'TCA'] } }),
      'classification',
    ],
    [
      'recordPriorTherapy',
      RECORD_PRIOR_THERAPY,
      therapy({ drug: UNRECOGNISED, classification: { classes: ['SSRI'] } }),
      'input.classification.classes[0]',
    ],
    [
      'recordPriorTherapy',
      RECORD_PRIOR_THERAPY,
      therapy({ drug: UNRECOGNISED, classification: { classes: ['DISEASE_SPECIFIC'] } }),
      'input.classification.classes[0]',
    ],
    [
      'recordPriorTherapy',
      RECORD_PRIOR_THERAPY,
      therapy({ drug: UNRECOGNISED, classification: { classes: ['OPIOID'], notAnOpioid: true } }),
      'classification',
    ],
    ['recordPriorTherapy', RECORD_PRIOR_THERAPY, therapy({ outcome: 'FAILED' }), 'input.outcome'],
    ['recordPriorTherapy', RECORD_PRIOR_THERAPY, therapy({ drug: ' ' }), 'drug'],
    ['recordPriorTherapy', RECORD_PRIOR_THERAPY, therapy({ drug: 'x'.repeat(201) }), 'drug'],
    ['recordPriorTherapy', RECORD_PRIOR_THERAPY, therapy({ doseRange: 'x'.repeat(101) }), 'doseRange'],
    [
      'recordPriorTherapy',
      RECORD_PRIOR_THERAPY,
      therapy({ startedOn: '2025-05-02', endedOn: '2025-05-01' }),
      'endedOn',
    ],
    ['recordPriorTherapy', RECORD_PRIOR_THERAPY, therapy({ startedOn: '2026-03-11' }), 'startedOn'],
    ['recordPriorTherapy', RECORD_PRIOR_THERAPY, therapy({ endedOn: '2025-13-01' }), 'input.endedOn'],
    ['recordMedication', RECORD_MEDICATION, { drug: '' }, 'drug'],
    ['recordMedication', RECORD_MEDICATION, { drug: 'oxycodone', dose: 'x'.repeat(101) }, 'dose'],
    ['recordMedication', RECORD_MEDICATION, { drug: 'oxycodone', startedOn: '2026-03-11' }, 'startedOn'],
    ['recordMedication', RECORD_MEDICATION, { drug: 'oxycodone', startedOn: 'yesterday' }, 'input.startedOn'],
    // §11: an unrecognised medication needs its classes and, unless OPIOID, an explicit "not an opioid".
    ['recordMedication', RECORD_MEDICATION, { drug: UNRECOGNISED }, 'classification'],
    [
      'recordMedication',
      RECORD_MEDICATION,
      { drug: UNRECOGNISED, classification: { classes: ['OTHER'] } },
      'classification',
    ],
    [
      'recordMedication',
      RECORD_MEDICATION,
      { drug: UNRECOGNISED, classification: { classes: ['OTHER'], notAnOpioid: false } },
      'classification',
    ],
    [
      'recordMedication',
      RECORD_MEDICATION,
      { drug: UNRECOGNISED, classification: { classes: ['OPIOID'], notAnOpioid: true } },
      'classification',
    ],
    [
      'recordMedication',
      RECORD_MEDICATION,
      { drug: UNRECOGNISED, classification: { classes: [], notAnOpioid: true } },
      'classification',
    ],
    [
      'recordMedication',
      RECORD_MEDICATION,
      { drug: 'tramadol', classification: { classes: ['OTHER'], notAnOpioid: true } },
      'classification',
    ],
    ['recordMedication', RECORD_MEDICATION, { drug: 'tramadol', isOpioid: false }, 'input'],
    ['attestOpioidFree', ATTEST_OPIOID_FREE, { attestedOn: '2026-03-11' }, 'attestedOn'],
    [
      'attestOpioidFree',
      ATTEST_OPIOID_FREE,
      { attestedOn: '2026-03-05', lastOpioidDrug: 'oxycodone', lastOpioidDoseOn: '2026-03-06' },
      'lastOpioidDoseOn',
    ],
    [
      'attestOpioidFree',
      ATTEST_OPIOID_FREE,
      { attestedOn: '2026-03-05', lastOpioidDoseOn: '2026-03-01' },
      'lastOpioidDrug',
    ],
    ['attestOpioidFree', ATTEST_OPIOID_FREE, { attestedOn: '2026-03-05', note: 'n'.repeat(1001) }, 'note'],
    ['recordConsent', RECORD_CONSENT, { recordedOn: '2026-03-10', points: [] }, 'points'],
    [
      'recordConsent',
      RECORD_CONSENT,
      { recordedOn: '2026-03-10', points: ['AVOID_OPIOIDS', 'AVOID_OPIOIDS'] },
      'points',
    ],
    [
      'recordConsent',
      RECORD_CONSENT,
      { recordedOn: '2026-03-10', points: ['UNDERSTANDS_ALL'] },
      'input.points[0]',
    ],
    ['recordConsent', RECORD_CONSENT, { recordedOn: '2026-03-11', points: ['AVOID_OPIOIDS'] }, 'recordedOn'],
    [
      'recordSymptomScore',
      RECORD_SYMPTOM_SCORE,
      { measure: 'PAIN_NRS', scoredOn: '2026-03-09', score: 11 },
      'score',
    ],
    [
      'recordSymptomScore',
      RECORD_SYMPTOM_SCORE,
      { measure: 'PAIN_NRS', scoredOn: '2026-03-09', score: -1 },
      'score',
    ],
    [
      'recordSymptomScore',
      RECORD_SYMPTOM_SCORE,
      { measure: 'PAIN_NRS', scoredOn: '2026-03-09', score: 6.5 },
      'input.score',
    ],
    [
      'recordSymptomScore',
      RECORD_SYMPTOM_SCORE,
      { measure: 'MOOD', scoredOn: '2026-03-09', score: 5 },
      'input.measure',
    ],
    [
      'recordSymptomScore',
      RECORD_SYMPTOM_SCORE,
      { measure: 'PAIN_NRS', scoredOn: '2026-03-11', score: 5 },
      'scoredOn',
    ],
  ])('%s refuses %j on %s and changes nothing', async (_name, mutation, input, field) => {
    const before = await snapshot(server.db.prisma);
    await expect(asClinician(mutation, { patientId: patient.id, input })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field },
    });
    expect(await snapshot(server.db.prisma)).toEqual(before);
  });

  it.each([
    ['a stop in the future', '2026-03-11', 'stoppedOn'],
    ['a stop before the start', '2026-02-28', 'stoppedOn'],
    ['a date that does not exist', '2026-02-29', 'stoppedOn'],
  ])('stopMedication refuses %s and changes nothing', async (_case, stoppedOn, field) => {
    const before = await snapshot(server.db.prisma);
    await expect(
      asClinician(STOP_MEDICATION, { medicationId: medication.id, stoppedOn }),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field },
    });
    expect(await snapshot(server.db.prisma)).toEqual(before);
  });
});
