import type { Patient, PrismaClient } from '@ldn/db';
import { VOCABULARY_VERSION } from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import {
  aPatientReadyToStart,
  OPERATIONS,
  refusedFindingCodes,
  startInput,
} from '../trials/trial.builders.ts';
import { type Api, aPatient, apiAs, aTrial } from './patient.builders.ts';
import {
  ATTEST_OPIOID_FREE,
  ELIGIBILITY,
  PATIENT,
  RECORD_MEDICATION,
  RECORD_PRIOR_THERAPY,
  STOP_MEDICATION,
} from './patient.operations.ts';

type Row = Record<string, unknown>;
interface Recorded {
  recordMedication: {
    medication: Row & { id: string; isOpioid: boolean; version: number };
    findings: { code: string }[];
    trialsPutOnHold: { id: string; heldOn: string }[];
  };
}
interface Requirement {
  line: string;
  met: boolean;
  metBy: string | null;
  metByClass: string | null;
  classesFrom: string | null;
}

/** A name the drug vocabulary does not recognise (clinical-rules §11). */
const UNRECOGNISED = 'Zorbafen';
const NOW = '2026-03-01T09:00:00.000Z';

/** Everything a refused recording could have written. */
async function rowCounts(prisma: PrismaClient) {
  const [medications, therapies, attestations, holds, audits] = await Promise.all([
    prisma.medication.count(),
    prisma.priorTherapy.count(),
    prisma.opioidFreeAttestation.count(),
    prisma.trialHold.count(),
    prisma.auditLog.count({ where: { action: { notIn: ['SIGN_IN', 'READ'] } } }),
  ]);
  return { medications, therapies, attestations, holds, audits };
}

describe('drugs are coded concepts when recorded (clinical-rules §11)', () => {
  // Today is 2026-03-01 in the clinic.
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let asClinician: Api;
  let asCoordinator: Api;
  let clinicianName: string;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock(NOW) });
    cast = await aNetwork(server.db.prisma);
    asClinician = apiAs(server, await signIn(server, cast.clinician));
    asCoordinator = apiAs(server, await signIn(server, cast.coordinator));
    clinicianName = (await server.db.prisma.user.findUniqueOrThrow({ where: { id: cast.clinician.id } }))
      .name;
  });
  afterAll(async () => {
    await server?.close();
  });

  const newPatient = () => aPatient(server.db.prisma, cast.clinic.id);
  const recordMedication = async (patient: Patient, input: Row, api = asCoordinator) =>
    (await api<Recorded>(RECORD_MEDICATION, { patientId: patient.id, input })).recordMedication;
  const recordPriorTherapy = async (patient: Patient, input: Row, api = asCoordinator) =>
    (await api<{ recordPriorTherapy: Row }>(RECORD_PRIOR_THERAPY, { patientId: patient.id, input }))
      .recordPriorTherapy;
  const stored = (id: string) => server.db.prisma.medication.findUniqueOrThrow({ where: { id } });

  describe('a recognised name', () => {
    it('stores "Tylenol #3" as acetaminophen + codeine, an opioid, from this vocabulary version', async () => {
      const patient = await newPatient();
      const { medication } = await recordMedication(patient, { drug: 'Tylenol #3', dose: '1 tab' });
      expect(medication).toMatchObject({
        drug: 'Tylenol #3',
        isOpioid: true,
        recognition: 'RECOGNISED',
        suggestion: null,
        vocabularyVersion: VOCABULARY_VERSION,
        classifiedBy: 'VOCABULARY',
        classifiedByName: null,
        classifiedAt: null,
        active: true,
        needsReview: false,
        enteredInError: false,
        version: 1,
      });
      expect([...(medication.ingredients as string[])].sort()).toEqual(['acetaminophen', 'codeine']);
      expect(medication.classes).toContain('OPIOID');
      expect(await stored(medication.id)).toMatchObject({
        isOpioid: true,
        recognition: 'RECOGNISED',
        vocabularyVersion: VOCABULARY_VERSION,
        classifiedBy: 'VOCABULARY',
        classifiedById: null,
      });
    });

    it('puts an active trial ON_HOLD when "Tylenol #3" is recorded during it', async () => {
      const patient = await newPatient();
      const trial = await aTrial(server.db.prisma, patient, cast.clinician.id, 'TITRATING');
      const payload = await recordMedication(patient, { drug: 'Tylenol #3', startedOn: '2026-03-01' });
      expect(payload.findings.map((f) => f.code)).toEqual(['OPIOID_STARTED_DURING_TRIAL']);
      expect(payload.trialsPutOnHold).toEqual([{ id: trial.id, heldOn: '2026-03-01' }]);
      const held = await server.db.prisma.trial.findUniqueOrThrow({
        where: { id: trial.id },
        include: { holds: true },
      });
      expect(held.state).toBe('ON_HOLD');
      expect(held.holds).toMatchObject([{ reason: 'OPIOID_STARTED', stateBefore: 'TITRATING' }]);
    });

    it('refuses a classification for a name the vocabulary recognises, and writes nothing', async () => {
      const patient = await newPatient();
      const before = await rowCounts(server.db.prisma);
      await expect(
        recordMedication(
          patient,
          { drug: 'Tylenol #3', classification: { classes: ['OTHER'], notAnOpioid: true } },
          asClinician,
        ),
      ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'classification' } });
      expect(await rowCounts(server.db.prisma)).toEqual(before);
    });
  });

  describe('an unrecognised name', () => {
    it.each([
      ['a coordinator', 'medication'],
      ['a clinician', 'medication'],
      ['a coordinator', 'prior therapy'],
      ['a clinician', 'prior therapy'],
    ] as const)(
      'is refused from %s as a %s without a classification (CLASSIFICATION_REQUIRED), writing nothing',
      async (who, record) => {
        const patient = await newPatient();
        const api = who === 'a clinician' ? asClinician : asCoordinator;
        const before = await rowCounts(server.db.prisma);
        const attempt =
          record === 'medication'
            ? recordMedication(patient, { drug: UNRECOGNISED }, api)
            : recordPriorTherapy(patient, { drug: UNRECOGNISED, outcome: 'INEFFECTIVE' }, api);
        await expect(attempt).rejects.toMatchObject({
          extensions: {
            code: 'BAD_USER_INPUT',
            field: 'classification',
            reason: 'CLASSIFICATION_REQUIRED',
            suggestion: null,
          },
        });
        expect(await rowCounts(server.db.prisma)).toEqual(before);
      },
    );

    it.each(['medication', 'prior therapy'] as const)(
      'is FORBIDDEN to classify for a coordinator (a %s), and nothing is written',
      async (record) => {
        const patient = await newPatient();
        const before = await rowCounts(server.db.prisma);
        const classification = { classes: ['OTHER'], notAnOpioid: true };
        const attempt =
          record === 'medication'
            ? recordMedication(patient, { drug: UNRECOGNISED, classification })
            : recordPriorTherapy(patient, { drug: UNRECOGNISED, outcome: 'INEFFECTIVE', classification });
        await expect(attempt).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
        expect(await rowCounts(server.db.prisma)).toEqual(before);
      },
    );

    it('keeps a clinician’s classification, with who classified it and when', async () => {
      const patient = await newPatient();
      const { medication } = await recordMedication(
        patient,
        { drug: UNRECOGNISED, classification: { classes: ['OTHER'], notAnOpioid: true } },
        asClinician,
      );
      expect(medication).toMatchObject({
        drug: UNRECOGNISED,
        isOpioid: false,
        classes: ['OTHER'],
        ingredients: [],
        recognition: 'UNRECOGNISED',
        vocabularyVersion: VOCABULARY_VERSION,
        classifiedBy: 'CLINICIAN',
        classifiedByName: clinicianName,
        classifiedAt: NOW,
      });
      expect(await stored(medication.id)).toMatchObject({
        classifiedBy: 'CLINICIAN',
        classifiedById: cast.clinician.id,
        classifiedAt: new Date(NOW),
      });
      // A coordinator reading the list sees the same "classified by Dr X".
      const read = await asCoordinator<{ patient: { medications: Row[] } }>(PATIENT, { id: patient.id });
      expect(read.patient.medications).toEqual([
        expect.objectContaining({
          id: medication.id,
          classifiedBy: 'CLINICIAN',
          classifiedByName: clinicianName,
        }),
      ]);
    });

    it.each([
      [{ classes: ['OTHER'] }, 'refused: no explicit "not an opioid"', null],
      [{ classes: ['OTHER'], notAnOpioid: false }, 'refused: "not an opioid" not confirmed', null],
      [{ classes: ['OPIOID'], notAnOpioid: true }, 'refused: an opioid confirmed not an opioid', null],
      [{ classes: ['OTHER'], notAnOpioid: true }, 'recorded, not an opioid', false],
      [{ classes: ['OPIOID'] }, 'recorded as an opioid', true],
      [{ classes: ['OPIOID', 'OTHER'], notAnOpioid: false }, 'recorded as an opioid', true],
    ] as const)('a medication classified %j is %s', async (classification, _outcome, opioid) => {
      const patient = await newPatient();
      const attempt = recordMedication(patient, { drug: UNRECOGNISED, classification }, asClinician);
      if (opioid === null) {
        const before = await rowCounts(server.db.prisma);
        await expect(attempt).rejects.toMatchObject({
          extensions: { code: 'BAD_USER_INPUT', field: 'classification' },
        });
        expect(await rowCounts(server.db.prisma)).toEqual(before);
      } else {
        expect((await attempt).medication).toMatchObject({ isOpioid: opioid, classifiedBy: 'CLINICIAN' });
      }
    });

    it('needs no "not an opioid" for a prior therapy', async () => {
      const patient = await newPatient();
      const therapy = await recordPriorTherapy(
        patient,
        { drug: UNRECOGNISED, outcome: 'INEFFECTIVE', classification: { classes: ['TCA'] } },
        asClinician,
      );
      expect(therapy).toMatchObject({
        classes: ['TCA'],
        recognition: 'UNRECOGNISED',
        classifiedBy: 'CLINICIAN',
        classifiedByName: clinicianName,
        classifiedAt: NOW,
      });
    });

    it('puts an active trial ON_HOLD when a clinician classes it OPIOID', async () => {
      const patient = await newPatient();
      const trial = await aTrial(server.db.prisma, patient, cast.clinician.id, 'AT_TARGET');
      const payload = await recordMedication(
        patient,
        { drug: UNRECOGNISED, classification: { classes: ['OPIOID'] } },
        asClinician,
      );
      expect(payload.medication.isOpioid).toBe(true);
      expect(payload.trialsPutOnHold.map((t) => t.id)).toEqual([trial.id]);
    });
  });

  describe('a probable opioid (a misspelling)', () => {
    it('is stored as an opioid with the suggestion, and held against an active trial', async () => {
      const patient = await newPatient();
      const trial = await aTrial(server.db.prisma, patient, cast.clinician.id, 'TITRATING');
      const payload = await recordMedication(patient, { drug: 'oxycodon 5 mg' });
      expect(payload.medication).toMatchObject({
        drug: 'oxycodon 5 mg',
        isOpioid: true,
        recognition: 'PROBABLE',
        suggestion: 'oxycodone',
        classifiedBy: 'VOCABULARY',
      });
      expect(payload.trialsPutOnHold.map((t) => t.id)).toEqual([trial.id]);
    });

    it('blocks a start with OPIOID_CONCURRENT_USE, in the preview and in the refusal', async () => {
      const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
      const check = async () =>
        (
          await asClinician<{ trialStartCheck: { canStart: boolean; findings: { code: string }[] } }>(
            OPERATIONS.startCheck,
            { patientId: patient.id, input: startInput() },
          )
        ).trialStartCheck;
      expect(await check()).toMatchObject({ canStart: true, findings: [] });
      await recordMedication(patient, { drug: 'oxycodon 5 mg' });
      const preview = await check();
      expect(preview.canStart).toBe(false);
      expect(preview.findings.map((f) => f.code)).toEqual(['OPIOID_CONCURRENT_USE']);
      const refusal = asClinician(OPERATIONS.start, { patientId: patient.id, input: startInput() });
      await expect(refusal).rejects.toMatchObject({ extensions: { code: 'RULE_VIOLATION' } });
      expect(await refusedFindingCodes(refusal)).toEqual(['OPIOID_CONCURRENT_USE']);
    });

    it('is FORBIDDEN to classify for a coordinator', async () => {
      const patient = await newPatient();
      await expect(
        recordMedication(patient, {
          drug: 'oxycodon 5 mg',
          classification: { classes: ['OTHER'], notAnOpioid: true },
        }),
      ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    });

    it('is what a clinician says it is when the clinician classifies it', async () => {
      const patient = await newPatient();
      const { medication } = await recordMedication(
        patient,
        { drug: 'oxycodon 5 mg', classification: { classes: ['OTHER'], notAnOpioid: true } },
        asClinician,
      );
      expect(medication).toMatchObject({
        isOpioid: false,
        classes: ['OTHER'],
        recognition: 'PROBABLE',
        classifiedBy: 'CLINICIAN',
        classifiedByName: clinicianName,
      });
    });
  });

  describe('the opioid-free attestation', () => {
    const attest = (patient: Patient, api = asCoordinator) =>
      api(ATTEST_OPIOID_FREE, { patientId: patient.id, input: { attestedOn: '2026-03-01' } });

    it('is refused while "Tylenol #3" is active, and allowed once it is stopped', async () => {
      const patient = await newPatient();
      const { medication } = await recordMedication(patient, { drug: 'Tylenol #3', startedOn: '2026-02-01' });
      const before = await rowCounts(server.db.prisma);
      const refusal = attest(patient, asClinician);
      await expect(refusal).rejects.toMatchObject({ extensions: { code: 'RULE_VIOLATION' } });
      expect(await refusedFindingCodes(refusal)).toEqual(['OPIOID_CONCURRENT_USE']);
      expect(await rowCounts(server.db.prisma)).toEqual(before);
      await asCoordinator(STOP_MEDICATION, { medicationId: medication.id, stoppedOn: '2026-02-27' });
      await expect(attest(patient)).resolves.toMatchObject({
        attestOpioidFree: { attestedOn: '2026-03-01' },
      });
    });

    it.each([
      ['a probable opioid', { drug: 'oxycodon 5 mg' }, true],
      [
        'an unrecognised name a clinician classed OPIOID',
        { drug: UNRECOGNISED, classification: { classes: ['OPIOID'] } },
        true,
      ],
      [
        'an unrecognised name a clinician confirmed not an opioid',
        { drug: UNRECOGNISED, classification: { classes: ['OTHER'], notAnOpioid: true } },
        false,
      ],
      ['an opioid antagonist', { drug: 'naltrexone' }, false],
    ])('with %s active is refused: %s', async (_case, input, refused) => {
      const patient = await newPatient();
      await recordMedication(patient, input, asClinician);
      if (refused) {
        expect(await refusedFindingCodes(attest(patient))).toEqual(['OPIOID_CONCURRENT_USE']);
      } else {
        await expect(attest(patient)).resolves.toBeDefined();
      }
    });
  });

  describe('prior therapies take their classes from the vocabulary', () => {
    const eligibility = async (patient: Patient, condition: string) =>
      (
        await asCoordinator<{ eligibility: { eligible: boolean; requirements: Requirement[] } }>(
          ELIGIBILITY,
          {
            patientId: patient.id,
            condition,
          },
        )
      ).eligibility;
    const msPatientWithPregabalin = async (outcome: string) => {
      const patient = await newPatient();
      await recordPriorTherapy(patient, { drug: 'pregabalin', outcome });
      await recordPriorTherapy(patient, { drug: 'nortriptyline', outcome: 'INEFFECTIVE' });
      await recordPriorTherapy(patient, { drug: 'gabapentin', outcome: 'INTOLERANT' });
      return patient;
    };

    it.each(['INEFFECTIVE', 'INTOLERANT', 'CONTRAINDICATED', 'ONGOING'])(
      'never meets the MS disease-modifying line with pregabalin (%s)',
      async (outcome) => {
        const patient = await msPatientWithPregabalin(outcome);
        const result = await eligibility(patient, 'MULTIPLE_SCLEROSIS');
        expect(result.eligible).toBe(false);
        expect(result.requirements).toContainEqual({
          line: 'DISEASE_MODIFYING_THERAPY',
          met: false,
          metBy: null,
          metByClass: null,
          classesFrom: null,
        });
      },
    );

    it('meets it with Tecfidera (dimethyl fumarate), ongoing, from the vocabulary', async () => {
      const patient = await msPatientWithPregabalin('INEFFECTIVE');
      await recordPriorTherapy(patient, { drug: 'Tecfidera', outcome: 'ONGOING' });
      const result = await eligibility(patient, 'MULTIPLE_SCLEROSIS');
      expect(result).toMatchObject({ eligible: true });
      expect(result.requirements).toContainEqual({
        line: 'DISEASE_MODIFYING_THERAPY',
        met: true,
        metBy: 'Tecfidera',
        metByClass: 'MS_DISEASE_MODIFYING',
        classesFrom: 'VOCABULARY',
      });
    });

    it('meets it with an unrecognised drug a clinician classed MS_DISEASE_MODIFYING, and says so', async () => {
      const patient = await msPatientWithPregabalin('INEFFECTIVE');
      await recordPriorTherapy(
        patient,
        { drug: UNRECOGNISED, outcome: 'ONGOING', classification: { classes: ['MS_DISEASE_MODIFYING'] } },
        asClinician,
      );
      expect((await eligibility(patient, 'MULTIPLE_SCLEROSIS')).requirements).toContainEqual({
        line: 'DISEASE_MODIFYING_THERAPY',
        met: true,
        metBy: UNRECOGNISED,
        metByClass: 'MS_DISEASE_MODIFYING',
        classesFrom: 'RECORDED',
      });
    });

    it('records Tecfidera with its ingredient and class, whoever records it', async () => {
      const patient = await newPatient();
      expect(await recordPriorTherapy(patient, { drug: 'Tecfidera', outcome: 'ONGOING' })).toMatchObject({
        ingredients: ['dimethyl fumarate'],
        classes: ['MS_DISEASE_MODIFYING'],
        recognition: 'RECOGNISED',
        classifiedBy: 'VOCABULARY',
        vocabularyVersion: VOCABULARY_VERSION,
      });
    });
  });
});
