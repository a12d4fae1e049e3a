import {
  medicationDrugColumns,
  type Patient,
  type Prisma,
  priorTherapyDrugColumns,
  type TrialState,
} from '@ldn/db';
import { VOCABULARY_VERSION } from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPatient, aTrial } from '../patients/patient.builders.ts';
import {
  AMEND_MEDICATION,
  CONFIRM_POSSIBLE_OPIOID,
  MEDICATION_FIELDS,
} from '../patients/patient.operations.ts';
import { type Api, aNetwork, apiAs, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { WORKLIST_WITH_MEDICATIONS } from './drug.operations.ts';
import { rescreenDrugRecords } from './drug-rescreen.ts';

/** A version of the vocabulary older than this one. */
const OLDER = '2000.01.1';
const NOW = '2026-03-10T15:00:00.000Z';

interface WorklistItem {
  code: string;
  date: string;
  message: string;
  medicationId: string | null;
  trial: { id: string; state: string; patient: { id: string } };
}
interface Reviewed {
  medication: { id: string; needsReview: boolean; isOpioid: boolean; version: number };
  findings: { code: string }[];
  trialsPutOnHold: { id: string; heldOn: string }[];
}

const MEDICATION = `query ($id: ID!) { patient(id: $id) { medications { ${MEDICATION_FIELDS} } } }`;

/**
 * "Tylenol #3" as a vocabulary that did not know it stored it: unrecognised, no classes, not an
 * opioid, classified with an older version.
 */
const tylenol3FromAnOlderVocabulary = {
  ...medicationDrugColumns('Tylenol #3'),
  ingredients: [],
  classes: [],
  recognition: 'UNRECOGNISED',
  suggestion: null,
  isOpioid: false,
  vocabularyVersion: OLDER,
} satisfies Partial<Prisma.MedicationUncheckedCreateInput>;

describe('re-screening stored drugs when the vocabulary changes (clinical-rules §11)', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  const cookies: Record<string, string> = {};
  let asClinician: Api;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock(NOW) });
    cast = await aNetwork(server.db.prisma);
    for (const role of ['clinician', 'coordinator', 'otherClinician'] as const) {
      cookies[role] = await signIn(server, cast[role]);
    }
    asClinician = apiAs(server, cookies.clinician!);
  });
  afterAll(async () => {
    await server?.close();
  });

  const prisma = () => server.db.prisma;
  const rescreen = () => rescreenDrugRecords(server.db.prisma);
  const aMedication = (patient: Patient, data: Partial<Prisma.MedicationUncheckedCreateInput> = {}) =>
    prisma().medication.create({
      data: {
        patientId: patient.id,
        ...tylenol3FromAnOlderVocabulary,
        recordedById: cast.coordinator.id,
        ...data,
      },
    });
  const aPriorTherapy = (patient: Patient, data: Partial<Prisma.PriorTherapyUncheckedCreateInput>) =>
    prisma().priorTherapy.create({
      data: {
        patientId: patient.id,
        outcome: 'INEFFECTIVE',
        recordedById: cast.coordinator.id,
        ...data,
      } as Prisma.PriorTherapyUncheckedCreateInput,
    });
  const aPatientInTrial = async (state: TrialState = 'TITRATING') => {
    const patient = await aPatient(prisma(), cast.clinic.id);
    const trial = await aTrial(prisma(), patient, cast.clinician.id, state);
    return { patient, trial };
  };
  const worklist = async (role: string) =>
    (await apiAs(server, cookies[role]!)<{ worklist: WorklistItem[] }>(WORKLIST_WITH_MEDICATIONS, {}))
      .worklist;
  const reviewsOn = async (role: string) =>
    (await worklist(role)).filter((item) => item.code === 'POSSIBLE_OPIOID_REVIEW');
  const reclassifyAudits = (entityId: string) =>
    prisma().auditLog.findMany({ where: { entityId, action: 'RECLASSIFY' } });

  it('classifies medications and prior therapies of an older version again, with an audit row each', async () => {
    const patient = await aPatient(prisma(), cast.clinic.id);
    const medication = await aMedication(patient);
    const therapy = await aPriorTherapy(patient, {
      ...priorTherapyDrugColumns('Tecfidera'),
      classes: ['OTHER'],
      ingredients: [],
      recognition: 'UNRECOGNISED',
      vocabularyVersion: '',
      outcome: 'ONGOING',
    });
    expect(await rescreen()).toEqual({ medications: 1, priorTherapies: 1, flaggedForReview: 0 });
    const after = await prisma().medication.findUniqueOrThrow({ where: { id: medication.id } });
    expect(after).toMatchObject({
      isOpioid: true,
      classes: ['OPIOID'],
      recognition: 'RECOGNISED',
      vocabularyVersion: VOCABULARY_VERSION,
      classifiedBy: 'VOCABULARY',
      // No active trial: nothing to review.
      needsReview: false,
    });
    expect([...after.ingredients].sort()).toEqual(['acetaminophen', 'codeine']);
    expect(await prisma().priorTherapy.findUniqueOrThrow({ where: { id: therapy.id } })).toMatchObject({
      classes: ['MS_DISEASE_MODIFYING'],
      ingredients: ['dimethyl fumarate'],
      recognition: 'RECOGNISED',
      vocabularyVersion: VOCABULARY_VERSION,
    });
    expect(await reclassifyAudits(medication.id)).toMatchObject([
      { entity: 'Medication', actorId: null, organisationId: null },
    ]);
    expect(await reclassifyAudits(therapy.id)).toMatchObject([{ entity: 'PriorTherapy', actorId: null }]);
  });

  describe('a newly recognised opioid during an active trial', () => {
    it('is flagged for review, on the worklist of both clinic roles, and the trial is not touched', async () => {
      const { patient, trial } = await aPatientInTrial('TITRATING');
      const medication = await aMedication(patient);
      expect(await rescreen()).toEqual({ medications: 1, priorTherapies: 0, flaggedForReview: 1 });
      expect(await prisma().medication.findUniqueOrThrow({ where: { id: medication.id } })).toMatchObject({
        isOpioid: true,
        needsReview: true,
      });
      for (const role of ['clinician', 'coordinator']) {
        expect(await reviewsOn(role), role).toContainEqual(
          expect.objectContaining({
            code: 'POSSIBLE_OPIOID_REVIEW',
            medicationId: medication.id,
            message: expect.stringContaining('Tylenol #3'),
            trial: { id: trial.id, state: 'TITRATING', patient: { id: patient.id } },
          }),
        );
      }
      expect((await reviewsOn('otherClinician')).map((item) => item.medicationId)).not.toContain(
        medication.id,
      );
      expect((await prisma().trial.findUniqueOrThrow({ where: { id: trial.id } })).state).toBe('TITRATING');
      const read = await asClinician<{ patient: { medications: { id: string; needsReview: boolean }[] } }>(
        MEDICATION,
        { id: patient.id },
      );
      expect(read.patient.medications).toEqual([
        expect.objectContaining({ id: medication.id, needsReview: true }),
      ]);
    });

    it('is cleared by the clinician’s confirmation, which puts the trial ON_HOLD', async () => {
      const { patient, trial } = await aPatientInTrial('AT_TARGET');
      const medication = await aMedication(patient);
      await rescreen();
      const { version } = await prisma().medication.findUniqueOrThrow({ where: { id: medication.id } });
      const confirmed = (
        await asClinician<{ confirmPossibleOpioid: Reviewed }>(CONFIRM_POSSIBLE_OPIOID, {
          medicationId: medication.id,
          version,
        })
      ).confirmPossibleOpioid;
      expect(confirmed.medication).toMatchObject({
        needsReview: false,
        isOpioid: true,
        version: version + 1,
      });
      expect(confirmed.findings.map((f) => f.code)).toEqual(['OPIOID_STARTED_DURING_TRIAL']);
      expect(confirmed.trialsPutOnHold).toEqual([{ id: trial.id, heldOn: '2026-03-10' }]);
      const held = await prisma().trial.findUniqueOrThrow({
        where: { id: trial.id },
        include: { holds: true },
      });
      expect(held.state).toBe('ON_HOLD');
      expect(held.holds).toMatchObject([
        { reason: 'OPIOID_STARTED', stateBefore: 'AT_TARGET', heldById: cast.clinician.id },
      ]);
      for (const role of ['clinician', 'coordinator']) {
        expect(
          (await reviewsOn(role)).map((item) => item.medicationId),
          role,
        ).not.toContain(medication.id);
      }
      const audits = await prisma().auditLog.findMany({
        where: { entityId: { in: [medication.id, trial.id] } },
      });
      expect(audits.map((row) => [row.action, row.entity])).toEqual(
        expect.arrayContaining([
          ['REVIEW', 'Medication'],
          ['HOLD', 'Trial'],
        ]),
      );
      await expect(
        asClinician(CONFIRM_POSSIBLE_OPIOID, { medicationId: medication.id, version: version + 1 }),
      ).rejects.toMatchObject({ extensions: { code: 'INVALID_TRANSITION' } });
    });

    it('is not dropped silently when a clinician amends the dose instead of confirming', async () => {
      const { patient, trial } = await aPatientInTrial('TITRATING');
      const medication = await aMedication(patient, { dose: '1 tab' });
      await rescreen();
      const { version } = await prisma().medication.findUniqueOrThrow({ where: { id: medication.id } });
      await asClinician(AMEND_MEDICATION, {
        medicationId: medication.id,
        version,
        input: { dose: '2 tabs' },
        reason: 'dose updated at the visit',
      });
      // Still a Tylenol #3 taken during the trial: either the trial is held or the review still waits.
      const stillToReview = (await reviewsOn('clinician')).some(
        (item) => item.medicationId === medication.id,
      );
      const held = (await prisma().trial.findUniqueOrThrow({ where: { id: trial.id } })).state === 'ON_HOLD';
      expect({ stillToReview, held }).not.toEqual({ stillToReview: false, held: false });
    });

    it.each<[string, () => Promise<{ patient: Patient }>, Partial<Prisma.MedicationUncheckedCreateInput>]>([
      ['stopped', () => aPatientInTrial('TITRATING'), { stoppedOn: new Date('2026-03-01T00:00:00Z') }],
      [
        'entered in error',
        () => aPatientInTrial('TITRATING'),
        { enteredInErrorAt: new Date(NOW), enteredInErrorReason: 'wrong patient' },
      ],
      ['of a patient whose trial is READY', () => aPatientInTrial('READY'), {}],
      ['of a patient whose trial is DISCONTINUED', () => aPatientInTrial('DISCONTINUED'), {}],
      [
        'of a patient without a trial',
        async () => ({ patient: await aPatient(prisma(), cast.clinic.id) }),
        {},
      ],
      [
        'already stored as an opioid',
        () => aPatientInTrial('TITRATING'),
        { isOpioid: true, classes: ['OPIOID'] },
      ],
    ])('is not flagged when %s', async (_case, aPatientFor, data) => {
      const { patient } = await aPatientFor();
      const medication = await aMedication(patient, data);
      expect(await rescreen()).toMatchObject({ medications: 1, flaggedForReview: 0 });
      expect(await prisma().medication.findUniqueOrThrow({ where: { id: medication.id } })).toMatchObject({
        isOpioid: true,
        needsReview: false,
        vocabularyVersion: VOCABULARY_VERSION,
      });
      expect((await reviewsOn('clinician')).map((item) => item.medicationId)).not.toContain(medication.id);
    });
  });

  describe('a clinician’s classification', () => {
    it('is kept for a name the vocabulary still does not recognise', async () => {
      const patient = await aPatient(prisma(), cast.clinic.id);
      const classified = {
        ...medicationDrugColumns('Zorbafen'),
        classes: ['OPIOID' as const],
        isOpioid: true,
        classifiedBy: 'CLINICIAN' as const,
        classifiedById: cast.clinician.id,
        classifiedAt: new Date('2026-01-05T10:00:00Z'),
        vocabularyVersion: OLDER,
      };
      const medication = await aMedication(patient, classified);
      const { isOpioid: _notStored, ...therapyColumns } = classified;
      const therapy = await aPriorTherapy(patient, { ...therapyColumns, classes: ['TCA'] });
      await rescreen();
      expect(await prisma().medication.findUniqueOrThrow({ where: { id: medication.id } })).toMatchObject({
        classes: ['OPIOID'],
        isOpioid: true,
        recognition: 'UNRECOGNISED',
        classifiedBy: 'CLINICIAN',
        classifiedById: cast.clinician.id,
        classifiedAt: new Date('2026-01-05T10:00:00Z'),
        vocabularyVersion: VOCABULARY_VERSION,
      });
      expect(await prisma().priorTherapy.findUniqueOrThrow({ where: { id: therapy.id } })).toMatchObject({
        classes: ['TCA'],
        classifiedBy: 'CLINICIAN',
        classifiedById: cast.clinician.id,
        vocabularyVersion: VOCABULARY_VERSION,
      });
    });

    it('gives way to the vocabulary once it recognises the name', async () => {
      const patient = await aPatient(prisma(), cast.clinic.id);
      const therapy = await aPriorTherapy(patient, {
        ...priorTherapyDrugColumns('Tecfidera'),
        classes: ['OTHER'],
        ingredients: [],
        recognition: 'UNRECOGNISED',
        classifiedBy: 'CLINICIAN',
        classifiedById: cast.clinician.id,
        classifiedAt: new Date('2026-01-05T10:00:00Z'),
        vocabularyVersion: OLDER,
      });
      await rescreen();
      expect(await prisma().priorTherapy.findUniqueOrThrow({ where: { id: therapy.id } })).toMatchObject({
        classes: ['MS_DISEASE_MODIFYING'],
        classifiedBy: 'VOCABULARY',
        classifiedById: null,
        classifiedAt: null,
      });
    });
  });

  it('flags a medication a clinician confirmed not an opioid once the vocabulary recognises an opioid in it', async () => {
    const { patient } = await aPatientInTrial('TITRATING');
    const medication = await aMedication(patient, {
      classes: ['OTHER'],
      classifiedBy: 'CLINICIAN',
      classifiedById: cast.clinician.id,
      classifiedAt: new Date('2026-01-05T10:00:00Z'),
    });
    expect(await rescreen()).toMatchObject({ flaggedForReview: 1 });
    expect(await prisma().medication.findUniqueOrThrow({ where: { id: medication.id } })).toMatchObject({
      isOpioid: true,
      needsReview: true,
      classes: ['OPIOID'],
      classifiedBy: 'VOCABULARY',
    });
    expect((await reviewsOn('clinician')).map((item) => item.medicationId)).toContain(medication.id);
  });

  it('changes nothing the second time it runs, and leaves rows of this version alone', async () => {
    const { patient } = await aPatientInTrial('TITRATING');
    await aMedication(patient);
    // A row of this version is taken as classified, whatever it holds.
    const current = await aMedication(patient, { vocabularyVersion: VOCABULARY_VERSION });
    const therapy = await aPriorTherapy(patient, {
      ...priorTherapyDrugColumns('nortriptyline'),
      classes: ['OTHER'],
    });
    expect(await rescreen()).toEqual({ medications: 1, priorTherapies: 0, flaggedForReview: 1 });
    const rows = async () => ({
      medications: await prisma().medication.findMany({ orderBy: { id: 'asc' } }),
      therapies: await prisma().priorTherapy.findMany({ orderBy: { id: 'asc' } }),
      audits: await prisma().auditLog.count(),
    });
    const before = await rows();
    expect(await rescreen()).toEqual({ medications: 0, priorTherapies: 0, flaggedForReview: 0 });
    expect(await rows()).toEqual(before);
    expect(before.medications.find((row) => row.id === current.id)).toMatchObject({
      isOpioid: false,
      needsReview: false,
      version: 1,
    });
    expect(before.therapies.find((row) => row.id === therapy.id)).toMatchObject({ classes: ['OTHER'] });
    expect(await reclassifyAudits(current.id)).toEqual([]);
    expect(await reclassifyAudits(therapy.id)).toEqual([]);
  });
});
