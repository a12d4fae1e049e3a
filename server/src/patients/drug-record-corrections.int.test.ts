import type { Patient, PrismaClient } from '@ldn/db';
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
  AMEND_MEDICATION,
  AMEND_PRIOR_THERAPY,
  ATTEST_OPIOID_FREE,
  CONFIRM_POSSIBLE_OPIOID,
  ELIGIBILITY,
  MARK_MEDICATION_ENTERED_IN_ERROR,
  MARK_PRIOR_THERAPY_ENTERED_IN_ERROR,
  PATIENT,
  RECORD_MEDICATION,
  RECORD_PRIOR_THERAPY,
  STOP_MEDICATION,
} from './patient.operations.ts';

type Row = Record<string, unknown>;
interface Amendment {
  amendedAt: string;
  amendedBy: string;
  reason: string;
  previous: string;
}
interface DrugRecord extends Row {
  id: string;
  version: number;
  amendments: Amendment[];
}
interface MedicationPayload {
  medication: DrugRecord;
  findings: { code: string }[];
  trialsPutOnHold: { id: string; heldOn: string }[];
}
interface StartCheck {
  trialStartCheck: {
    canStart: boolean;
    findings: { code: string }[];
    eligibility: { requirements: { line: string; met: boolean; metBy: string | null }[] };
  };
}

const NOW = '2026-03-01T09:00:00.000Z';
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

/** Every row a refused correction could have written or changed. */
async function snapshot(prisma: PrismaClient) {
  const [medications, therapies, amendments, holds, audits] = await Promise.all([
    prisma.medication.findMany({ orderBy: { id: 'asc' } }),
    prisma.priorTherapy.findMany({ orderBy: { id: 'asc' } }),
    prisma.recordAmendment.count(),
    prisma.trialHold.count(),
    prisma.auditLog.count({ where: { action: { notIn: ['SIGN_IN', 'READ'] } } }),
  ]);
  return { medications, therapies, amendments, holds, audits };
}

describe('correcting medications and prior therapies (workflows.md "Corrections")', () => {
  // Today is 2026-03-01 in the clinic.
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  const cookies: Record<string, string> = {};
  let asClinician: Api;
  let asCoordinator: Api;
  let names: Record<'clinician' | 'coordinator', string>;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock(NOW) });
    cast = await aNetwork(server.db.prisma);
    for (const role of ['clinician', 'coordinator', 'otherClinician', 'pharmacist', 'admin'] as const) {
      cookies[role] = await signIn(server, cast[role]);
    }
    asClinician = apiAs(server, cookies.clinician!);
    asCoordinator = apiAs(server, cookies.coordinator!);
    const nameOf = async (id: string) =>
      (await server.db.prisma.user.findUniqueOrThrow({ where: { id } })).name;
    names = { clinician: await nameOf(cast.clinician.id), coordinator: await nameOf(cast.coordinator.id) };
  });
  afterAll(async () => {
    await server?.close();
  });

  const newPatient = () => aPatient(server.db.prisma, cast.clinic.id);
  const recordMedication = async (patient: Patient, input: Row) =>
    (
      await asCoordinator<{ recordMedication: MedicationPayload }>(RECORD_MEDICATION, {
        patientId: patient.id,
        input,
      })
    ).recordMedication.medication;
  const recordPriorTherapy = async (patient: Patient, input: Row) =>
    (
      await asCoordinator<{ recordPriorTherapy: DrugRecord }>(RECORD_PRIOR_THERAPY, {
        patientId: patient.id,
        input,
      })
    ).recordPriorTherapy;
  const amendMedication = async (
    medication: DrugRecord,
    input: Row,
    reason: string,
    api = asCoordinator,
    version = medication.version,
  ) =>
    (
      await api<{ amendMedication: MedicationPayload }>(AMEND_MEDICATION, {
        medicationId: medication.id,
        version,
        input,
        reason,
      })
    ).amendMedication;
  const amendPriorTherapy = async (
    therapy: DrugRecord,
    input: Row,
    reason: string,
    api = asCoordinator,
    version = therapy.version,
  ) =>
    (
      await api<{ amendPriorTherapy: DrugRecord }>(AMEND_PRIOR_THERAPY, {
        priorTherapyId: therapy.id,
        version,
        input,
        reason,
      })
    ).amendPriorTherapy;
  const markMedication = async (
    medication: DrugRecord,
    reason = 'recorded for the wrong patient',
    api = asClinician,
  ) =>
    (
      await api<{ markMedicationEnteredInError: DrugRecord }>(MARK_MEDICATION_ENTERED_IN_ERROR, {
        medicationId: medication.id,
        version: medication.version,
        reason,
      })
    ).markMedicationEnteredInError;
  const markPriorTherapy = async (
    therapy: DrugRecord,
    reason = 'recorded for the wrong patient',
    api = asClinician,
  ) =>
    (
      await api<{ markPriorTherapyEnteredInError: DrugRecord }>(MARK_PRIOR_THERAPY_ENTERED_IN_ERROR, {
        priorTherapyId: therapy.id,
        version: therapy.version,
        reason,
      })
    ).markPriorTherapyEnteredInError;
  const previousOf = (record: DrugRecord, index = 0) =>
    JSON.parse(record.amendments[index]?.previous ?? 'null');
  const auditActions = async (entityId: string) =>
    (await server.db.prisma.auditLog.findMany({ where: { entityId }, orderBy: { id: 'asc' } })).map((row) => [
      row.action,
      row.entity,
      row.actorId,
    ]);

  describe('an amendment', () => {
    it('keeps the previous values, the reason, who and when, and increments the version', async () => {
      const patient = await newPatient();
      const recorded = await recordMedication(patient, {
        drug: 'tramadol',
        dose: '50 mg',
        startedOn: '2026-02-20',
      });
      expect(recorded).toMatchObject({ version: 1, amendments: [] });
      const { medication } = await amendMedication(
        recorded,
        { dose: '100 mg', startedOn: '2026-02-19' },
        'dose misread from the referral',
      );
      expect(medication).toMatchObject({
        id: recorded.id,
        drug: 'tramadol',
        dose: '100 mg',
        startedOn: '2026-02-19',
        isOpioid: true,
        version: 2,
        amendments: [
          {
            amendedAt: expect.any(String),
            amendedBy: names.coordinator,
            reason: 'dose misread from the referral',
            previous: expect.any(String),
          },
        ],
      });
      expect(previousOf(medication)).toEqual({ dose: '50 mg', startedOn: '2026-02-20' });
      expect(await auditActions(recorded.id)).toEqual([
        ['CREATE', 'Medication', cast.coordinator.id],
        ['AMEND', 'Medication', cast.coordinator.id],
      ]);
    });

    it('is dated by the clinic’s clock, as entered in error and a classification are', async () => {
      const patient = await newPatient();
      const recorded = await recordMedication(patient, { drug: 'tramadol', dose: '50 mg' });
      const { medication } = await amendMedication(recorded, { dose: '100 mg' }, 'dose misread');
      const marked = await markMedication(medication, 'wrong patient after all');
      expect(marked.enteredInErrorAt).toBe(NOW);
      expect(marked.amendments.map((amendment) => amendment.amendedAt)).toEqual([NOW]);
    });

    it('classifies a corrected name again, and an opioid during an active trial holds it', async () => {
      const patient = await newPatient();
      const trial = await aTrial(server.db.prisma, patient, cast.clinician.id, 'TITRATING');
      const recorded = await recordMedication(patient, { drug: 'ibuprofen' });
      expect(recorded).toMatchObject({ isOpioid: false });
      const payload = await amendMedication(recorded, { drug: 'Tylenol #3' }, 'the patient takes Tylenol #3');
      expect(payload.medication).toMatchObject({
        drug: 'Tylenol #3',
        isOpioid: true,
        recognition: 'RECOGNISED',
        classifiedBy: 'VOCABULARY',
        version: 2,
      });
      expect([...(payload.medication.ingredients as string[])].sort()).toEqual(['acetaminophen', 'codeine']);
      expect(previousOf(payload.medication)).toMatchObject({
        drug: 'ibuprofen',
        isOpioid: false,
        ingredients: ['ibuprofen'],
        classes: ['OTHER'],
      });
      expect(payload.findings.map((f) => f.code)).toEqual(['OPIOID_STARTED_DURING_TRIAL']);
      expect(payload.trialsPutOnHold).toEqual([{ id: trial.id, heldOn: '2026-03-01' }]);
      expect((await server.db.prisma.trial.findUniqueOrThrow({ where: { id: trial.id } })).state).toBe(
        'ON_HOLD',
      );
    });

    it('refuses a corrected name the vocabulary does not know without a classification', async () => {
      const patient = await newPatient();
      const recorded = await recordMedication(patient, { drug: 'ibuprofen' });
      const before = await snapshot(server.db.prisma);
      await expect(amendMedication(recorded, { drug: 'Zorbafen' }, 'wrong drug')).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'classification', reason: 'CLASSIFICATION_REQUIRED' },
      });
      await expect(
        amendMedication(
          recorded,
          { drug: 'Zorbafen', classification: { classes: ['OTHER'], notAnOpioid: true } },
          'wrong drug',
        ),
      ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      expect(await snapshot(server.db.prisma)).toEqual(before);
      const { medication } = await amendMedication(
        recorded,
        { drug: 'Zorbafen', classification: { classes: ['OTHER'], notAnOpioid: true } },
        'wrong drug',
        asClinician,
      );
      expect(medication).toMatchObject({
        classifiedBy: 'CLINICIAN',
        classifiedByName: names.clinician,
        isOpioid: false,
      });
    });

    it('amends a prior therapy: a corrected name brings its classes from the vocabulary', async () => {
      const patient = await newPatient();
      const recorded = await recordPriorTherapy(patient, { drug: 'pregabalin', outcome: 'INEFFECTIVE' });
      const amended = await amendPriorTherapy(
        recorded,
        { drug: 'Tecfidera', outcome: 'ONGOING', note: 'still taking it' },
        'the referral named the wrong drug',
      );
      expect(amended).toMatchObject({
        drug: 'Tecfidera',
        classes: ['MS_DISEASE_MODIFYING'],
        ingredients: ['dimethyl fumarate'],
        outcome: 'ONGOING',
        note: 'still taking it',
        version: 2,
        amendments: [{ amendedBy: names.coordinator, reason: 'the referral named the wrong drug' }],
      });
      expect(previousOf(amended)).toMatchObject({
        drug: 'pregabalin',
        outcome: 'INEFFECTIVE',
        note: null,
        ingredients: ['pregabalin'],
      });
      expect(await auditActions(recorded.id)).toEqual([
        ['CREATE', 'PriorTherapy', cast.coordinator.id],
        ['AMEND', 'PriorTherapy', cast.coordinator.id],
      ]);
    });

    it.each([
      'amendMedication',
      'markMedicationEnteredInError',
      'confirmPossibleOpioid',
      'amendPriorTherapy',
      'markPriorTherapyEnteredInError',
    ] as const)(
      '%s based on a version changed since is a CONFLICT, and changes nothing',
      async (operation) => {
        const patient = await newPatient();
        const medication = await recordMedication(patient, { drug: 'tramadol', dose: '50 mg' });
        const therapy = await recordPriorTherapy(patient, { drug: 'nortriptyline', outcome: 'INEFFECTIVE' });
        // Someone else changed each record after it was read at version 1.
        await amendMedication(medication, { dose: '100 mg' }, 'first correction');
        await amendPriorTherapy(therapy, { doseRange: '10–50 mg' }, 'first correction');
        await server.db.prisma.medication.update({
          where: { id: medication.id },
          data: { needsReview: true },
        });
        const before = await snapshot(server.db.prisma);
        const stale = {
          amendMedication: () =>
            amendMedication(medication, { dose: '25 mg' }, 'second correction', asClinician, 1),
          markMedicationEnteredInError: () => markMedication(medication),
          confirmPossibleOpioid: () =>
            asClinician(CONFIRM_POSSIBLE_OPIOID, { medicationId: medication.id, version: 1 }),
          amendPriorTherapy: () =>
            amendPriorTherapy(therapy, { doseRange: '10–25 mg' }, 'second correction', asClinician, 1),
          markPriorTherapyEnteredInError: () => markPriorTherapy(therapy),
        };
        await expect(stale[operation]()).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
        expect(await snapshot(server.db.prisma)).toEqual(before);
      },
    );

    it.each(['', '   '])('needs a reason: %j is BAD_USER_INPUT on reason', async (reason) => {
      const patient = await newPatient();
      const medication = await recordMedication(patient, { drug: 'tramadol' });
      const therapy = await recordPriorTherapy(patient, { drug: 'nortriptyline', outcome: 'INEFFECTIVE' });
      const before = await snapshot(server.db.prisma);
      for (const attempt of [
        () => amendMedication(medication, { dose: '1 mg' }, reason),
        () => amendPriorTherapy(therapy, { note: 'n' }, reason),
        () => markMedication(medication, reason),
        () => markPriorTherapy(therapy, reason),
      ]) {
        await expect(attempt()).rejects.toMatchObject({
          extensions: { code: 'BAD_USER_INPUT', field: 'reason' },
        });
      }
      expect(await snapshot(server.db.prisma)).toEqual(before);
    });
  });

  describe('entered in error', () => {
    it('keeps a medication visible, struck through with who, when and why, and no longer active', async () => {
      const patient = await newPatient();
      const recorded = await recordMedication(patient, { drug: 'oxycodone', startedOn: '2026-02-01' });
      const marked = await markMedication(recorded, 'belongs to another patient');
      expect(marked).toMatchObject({
        id: recorded.id,
        enteredInError: true,
        enteredInErrorAt: NOW,
        enteredInErrorReason: 'belongs to another patient',
        enteredInErrorByName: names.clinician,
        active: false,
        stoppedOn: null,
        version: 2,
      });
      const read = await asCoordinator<{ patient: { medications: Row[] } }>(PATIENT, { id: patient.id });
      expect(read.patient.medications).toEqual([
        expect.objectContaining({ id: recorded.id, enteredInError: true, active: false }),
      ]);
      expect(await auditActions(recorded.id)).toEqual([
        ['CREATE', 'Medication', cast.coordinator.id],
        ['ENTERED_IN_ERROR', 'Medication', cast.clinician.id],
      ]);
    });

    it('no longer counts an opioid entered in error in the start check or against an attestation', async () => {
      const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id);
      const check = async () =>
        (await asClinician<StartCheck>(OPERATIONS.startCheck, { patientId: patient.id, input: startInput() }))
          .trialStartCheck;
      const recorded = await recordMedication(patient, { drug: 'oxycodone' });
      expect((await check()).findings.map((f) => f.code)).toEqual(['OPIOID_CONCURRENT_USE']);
      const attest = () =>
        asClinician(ATTEST_OPIOID_FREE, { patientId: patient.id, input: { attestedOn: '2026-03-01' } });
      expect(await refusedFindingCodes(attest())).toEqual(['OPIOID_CONCURRENT_USE']);
      await markMedication(recorded);
      expect(await check()).toMatchObject({ canStart: true, findings: [] });
      await expect(attest()).resolves.toBeDefined();
      await expect(
        asClinician(OPERATIONS.start, { patientId: patient.id, input: startInput() }),
      ).resolves.toMatchObject({ startTrial: { state: 'TITRATING' } });
    });

    it('no longer counts a prior therapy entered in error in eligibility or the start check', async () => {
      const patient = await aPatientReadyToStart(server.db.prisma, cast.clinic.id, cast.coordinator.id, {
        priorLines: false,
      });
      const tca = await recordPriorTherapy(patient, { drug: 'nortriptyline', outcome: 'INEFFECTIVE' });
      await recordPriorTherapy(patient, { drug: 'gabapentin', outcome: 'INTOLERANT' });
      const eligibility = async () =>
        (
          await asCoordinator<{ eligibility: { eligible: boolean; requirements: Row[] } }>(ELIGIBILITY, {
            patientId: patient.id,
            condition: 'CRPS',
          })
        ).eligibility;
      expect(await eligibility()).toMatchObject({ eligible: true });
      const marked = await markPriorTherapy(tca, 'another patient’s history');
      expect(marked).toMatchObject({
        enteredInError: true,
        enteredInErrorByName: names.clinician,
        version: 2,
      });
      expect(await eligibility()).toMatchObject({
        eligible: false,
        requirements: [
          { line: 'TCA_OR_SNRI', met: false, metBy: null },
          { line: 'ANTICONVULSANT', met: true, metBy: 'gabapentin' },
        ],
      });
      const { trialStartCheck } = await asClinician<StartCheck>(OPERATIONS.startCheck, {
        patientId: patient.id,
        input: startInput(),
      });
      expect(trialStartCheck.findings.map((f) => f.code)).toEqual(['ELIGIBILITY_PRIOR_LINES_MISSING']);
      expect(trialStartCheck.eligibility.requirements[0]).toEqual({
        line: 'TCA_OR_SNRI',
        met: false,
        metBy: null,
      });
      const read = await asCoordinator<{ patient: { priorTherapies: Row[] } }>(PATIENT, { id: patient.id });
      expect(read.patient.priorTherapies).toContainEqual(
        expect.objectContaining({
          id: tca.id,
          enteredInError: true,
          enteredInErrorReason: 'another patient’s history',
        }),
      );
    });

    it.each([
      ['amendMedication', 'medication'],
      ['markMedicationEnteredInError', 'medication'],
      ['stopMedication', 'medication'],
      ['amendPriorTherapy', 'prior therapy'],
      ['markPriorTherapyEnteredInError', 'prior therapy'],
    ] as const)(
      'refuses %s on a record already entered in error (INVALID_TRANSITION)',
      async (operation, record) => {
        const patient = await newPatient();
        const medication = await markMedication(
          await recordMedication(patient, { drug: 'tramadol', startedOn: '2026-02-01' }),
        );
        const therapy = await markPriorTherapy(
          await recordPriorTherapy(patient, { drug: 'nortriptyline', outcome: 'INEFFECTIVE' }),
        );
        const before = await snapshot(server.db.prisma);
        const attempts = {
          amendMedication: () => amendMedication(medication, { dose: '1 mg' }, 'again', asClinician),
          markMedicationEnteredInError: () => markMedication(medication, 'again'),
          stopMedication: () =>
            asClinician(STOP_MEDICATION, { medicationId: medication.id, stoppedOn: '2026-03-01' }),
          amendPriorTherapy: () => amendPriorTherapy(therapy, { note: 'n' }, 'again', asClinician),
          markPriorTherapyEnteredInError: () => markPriorTherapy(therapy, 'again'),
        };
        expect(record === 'medication' ? medication.enteredInError : therapy.enteredInError).toBe(true);
        await expect(attempts[operation]()).rejects.toMatchObject({
          extensions: { code: 'INVALID_TRANSITION' },
        });
        expect(await snapshot(server.db.prisma)).toEqual(before);
      },
    );
  });

  describe('who may correct', () => {
    /** Every correction, aimed at fresh records of the clinic's patient. */
    const corrections = async (): Promise<[string, string, Row][]> => {
      const patient = await newPatient();
      const medication = () => recordMedication(patient, { drug: 'tramadol' });
      const therapy = () => recordPriorTherapy(patient, { drug: 'nortriptyline', outcome: 'INEFFECTIVE' });
      // A separate record for each, so that each is based on its record's version 1.
      const [amended, marked, reviewed] = [await medication(), await medication(), await medication()];
      await server.db.prisma.medication.update({ where: { id: reviewed.id }, data: { needsReview: true } });
      const [amendedTherapy, markedTherapy] = [await therapy(), await therapy()];
      return [
        [
          'amendMedication',
          AMEND_MEDICATION,
          { medicationId: amended.id, version: 1, input: { dose: '1 mg' }, reason: 'r' },
        ],
        [
          'markMedicationEnteredInError',
          MARK_MEDICATION_ENTERED_IN_ERROR,
          { medicationId: marked.id, version: 1, reason: 'r' },
        ],
        ['confirmPossibleOpioid', CONFIRM_POSSIBLE_OPIOID, { medicationId: reviewed.id, version: 1 }],
        [
          'amendPriorTherapy',
          AMEND_PRIOR_THERAPY,
          { priorTherapyId: amendedTherapy.id, version: 1, input: { note: 'n' }, reason: 'r' },
        ],
        [
          'markPriorTherapyEnteredInError',
          MARK_PRIOR_THERAPY_ENTERED_IN_ERROR,
          { priorTherapyId: markedTherapy.id, version: 1, reason: 'r' },
        ],
      ];
    };
    const CLINICIAN_ONLY = [
      'markMedicationEnteredInError',
      'confirmPossibleOpioid',
      'markPriorTherapyEnteredInError',
    ];
    const graphql = (document: string, variables: Row, role?: string) =>
      server.graphql(document, variables, role === undefined ? {} : { cookie: cookies[role] });

    it('lets a coordinator amend, and keeps entered in error and the opioid review for clinicians', async () => {
      for (const [name, document, variables] of await corrections()) {
        const before = await snapshot(server.db.prisma);
        const response = await graphql(document, variables, 'coordinator');
        if (CLINICIAN_ONLY.includes(name)) {
          expect(response.errors?.[0], name).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
          expect(await snapshot(server.db.prisma), name).toEqual(before);
        } else {
          expect(response.errors, name).toBeUndefined();
        }
      }
    });

    it('lets a clinician make every correction', async () => {
      for (const [name, document, variables] of await corrections()) {
        const response = await graphql(document, variables, 'clinician');
        expect(response.errors, name).toBeUndefined();
      }
    });

    it.each(['pharmacist', 'admin', undefined])(
      'refuses every correction to %s, changing nothing',
      async (role) => {
        for (const [name, document, variables] of await corrections()) {
          const before = await snapshot(server.db.prisma);
          const response = await graphql(document, variables, role);
          expect(response.errors?.[0], name).toMatchObject({
            extensions: { code: role === undefined ? 'UNAUTHENTICATED' : 'FORBIDDEN' },
          });
          expect(await snapshot(server.db.prisma), name).toEqual(before);
        }
      },
    );

    it('answers NOT_FOUND to a clinician of another clinic, exactly as for an id that does not exist', async () => {
      for (const [name, document, variables] of await corrections()) {
        const before = await snapshot(server.db.prisma);
        const theirs = await graphql(document, variables, 'otherClinician');
        const missing = await graphql(
          document,
          JSON.parse(
            JSON.stringify(variables).replace(
              /"(medicationId|priorTherapyId)":"[^"]+"/,
              `"$1":"${MISSING_ID}"`,
            ),
          ),
          'clinician',
        );
        expect(theirs.errors?.[0], name).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
        expect(theirs.errors?.[0]?.message, name).toBe(missing.errors?.[0]?.message);
        expect(theirs.errors?.[0]?.extensions, name).toEqual(missing.errors?.[0]?.extensions);
        expect(await snapshot(server.db.prisma), name).toEqual(before);
      }
    });
  });
});
