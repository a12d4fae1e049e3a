import type { Patient } from '@ldn/db';
import { CONSENT_POINTS } from '@ldn/rules';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { type Api, aPatient, apiAs } from './patient.builders.ts';
import {
  ATTEST_OPIOID_FREE,
  ELIGIBILITY,
  PATIENT,
  RECORD_CONSENT,
  RECORD_MEDICATION,
  RECORD_PRIOR_THERAPY,
  RECORD_SYMPTOM_SCORE,
  STOP_MEDICATION,
} from './patient.operations.ts';

type Row = Record<string, unknown>;
const ALL_POINTS = [
  'OFF_LABEL_LIMITED_EVIDENCE',
  'MODEST_SUBJECTIVE_BENEFIT',
  'COMPOUNDING_NOT_COVERED',
  'AVOID_OPIOIDS',
];

describe("recording a patient's histories", () => {
  // Today is 2026-03-10 in the clinic.
  const clock = fixedClock('2026-03-10T15:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let asCoordinator: Api;
  let patient: Patient;
  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    asCoordinator = apiAs(server, await signIn(server, cast.coordinator));
  });
  beforeEach(async () => {
    patient = await aPatient(server.db.prisma, cast.clinic.id);
  });
  afterAll(async () => {
    await server?.close();
  });

  const readPatient = async (id = patient.id) =>
    (await asCoordinator<{ patient: Record<string, Row[] & Row> }>(PATIENT, { id })).patient;
  const record = <T = Row>(mutation: string, name: string, input: Row) =>
    asCoordinator<Record<string, T>>(mutation, { patientId: patient.id, input }).then((d) => d[name] as T);

  describe('prior therapies', () => {
    it('records a therapy with the classes of its drug, dose range, dates and outcome, and shows it on the patient', async () => {
      const therapy = await record(RECORD_PRIOR_THERAPY, 'recordPriorTherapy', {
        drug: 'pregabalin',
        doseRange: '150–300 mg',
        startedOn: '2025-01-01',
        endedOn: '2025-04-01',
        outcome: 'INTOLERANT',
        note: 'dizziness',
      });
      expect(therapy).toMatchObject({
        patientId: patient.id,
        drug: 'pregabalin',
        // §11: from the vocabulary, not from a tick box; never MS_DISEASE_MODIFYING.
        classes: ['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED'],
        ingredients: ['pregabalin'],
        recognition: 'RECOGNISED',
        classifiedBy: 'VOCABULARY',
        startedOn: '2025-01-01',
        endedOn: '2025-04-01',
        outcome: 'INTOLERANT',
      });
      expect((await readPatient()).priorTherapies).toEqual([
        expect.objectContaining({ id: therapy.id, doseRange: '150–300 mg', note: 'dizziness' }),
      ]);
    });

    it('accepts a therapy that started and ended on the same day', async () => {
      const therapy = await record(RECORD_PRIOR_THERAPY, 'recordPriorTherapy', {
        drug: 'amitriptyline',
        startedOn: '2025-06-01',
        endedOn: '2025-06-01',
        outcome: 'INTOLERANT',
      });
      expect(therapy).toMatchObject({ startedOn: '2025-06-01', endedOn: '2025-06-01' });
    });
  });

  describe('medications', () => {
    it.each([
      ['oxycodone/acetaminophen', true],
      ['Percocet', true],
      ['MS Contin', true],
      ['naltrexone', false],
      ['duloxetine', false],
    ])('decides from the drug name whether %s is an opioid', async (drug, opioid) => {
      const payload = await record<{ medication: Row; findings: Row[]; trialsPutOnHold: Row[] }>(
        RECORD_MEDICATION,
        'recordMedication',
        { drug, dose: '5 mg', startedOn: '2026-03-01' },
      );
      expect(payload.medication).toMatchObject({ drug, isOpioid: opioid, active: true, stoppedOn: null });
      // No active trial: nothing to hold and nothing to tell.
      expect(payload).toMatchObject({ findings: [], trialsPutOnHold: [] });
    });

    it('ignores an isOpioid the client tries to send', async () => {
      await expect(
        record(RECORD_MEDICATION, 'recordMedication', { drug: 'ibuprofen', isOpioid: true }),
      ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    });

    it('stops a medication on the last dose date, after which it is no longer active', async () => {
      const { medication } = await record<{ medication: Row }>(RECORD_MEDICATION, 'recordMedication', {
        drug: 'tramadol',
        startedOn: '2026-02-01',
      });
      const stopped = await asCoordinator<{ stopMedication: Row }>(STOP_MEDICATION, {
        medicationId: medication.id,
        stoppedOn: '2026-03-02',
      });
      expect(stopped.stopMedication).toMatchObject({
        isOpioid: true,
        stoppedOn: '2026-03-02',
        active: false,
      });
      expect((await readPatient()).medications).toEqual([
        expect.objectContaining({ id: medication.id, stoppedOn: '2026-03-02', active: false }),
      ]);
    });

    it('answers NOT_FOUND for a medication id that does not exist', async () => {
      await expect(
        asCoordinator(STOP_MEDICATION, {
          medicationId: '00000000-0000-4000-8000-000000000000',
          stoppedOn: '2026-03-01',
        }),
      ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    });
  });

  describe('opioid-free attestations', () => {
    it('records the attestation with the last opioid and the date of its last dose', async () => {
      const attestation = await record(ATTEST_OPIOID_FREE, 'attestOpioidFree', {
        attestedOn: '2026-03-10',
        lastOpioidDrug: 'methadone',
        lastOpioidDoseOn: '2026-02-20',
        note: 'confirmed with the patient',
      });
      expect(attestation).toMatchObject({
        attestedOn: '2026-03-10',
        lastOpioidDrug: 'methadone',
        lastOpioidDoseOn: '2026-02-20',
      });
      expect((await readPatient()).opioidFreeAttestations).toHaveLength(1);
    });

    it('records an attestation of a patient who never took an opioid', async () => {
      const attestation = await record(ATTEST_OPIOID_FREE, 'attestOpioidFree', { attestedOn: '2026-03-09' });
      expect(attestation).toMatchObject({ lastOpioidDrug: null, lastOpioidDoseOn: null });
    });
  });

  describe('consent', () => {
    it('records the four points of §7 with their text, complete when all four are covered', async () => {
      const consent = await record<{ points: Row[]; complete: boolean }>(RECORD_CONSENT, 'recordConsent', {
        recordedOn: '2026-03-10',
        points: ALL_POINTS,
      });
      expect(consent.complete).toBe(true);
      expect(consent.points).toEqual(
        ALL_POINTS.map((code) => ({ code, text: CONSENT_POINTS[code as keyof typeof CONSENT_POINTS].text })),
      );
    });

    it('shows a consent without the opioid point as incomplete', async () => {
      await record(RECORD_CONSENT, 'recordConsent', {
        recordedOn: '2026-03-01',
        points: ALL_POINTS.slice(0, 3),
      });
      const [consent] = (await readPatient()).consents as Row[];
      expect(consent).toMatchObject({ recordedOn: '2026-03-01', complete: false });
      expect((consent?.points as Row[]).map((p) => p.code)).not.toContain('AVOID_OPIOIDS');
    });
  });

  describe('symptom scores', () => {
    it('lists scores by date, filters by measure, and offers the latest recent pain score as baseline', async () => {
      for (const [measure, scoredOn, score] of [
        ['PAIN_NRS', '2026-03-05', 6],
        ['PAIN_NRS', '2026-02-01', 8],
        ['SLEEP', '2026-03-04', 3],
        ['PAIN_NRS', '2026-03-08', 7],
      ] as const) {
        await record(RECORD_SYMPTOM_SCORE, 'recordSymptomScore', { measure, scoredOn, score });
      }
      const read = await readPatient();
      expect((read.symptomScores as Row[]).map((s) => s.scoredOn)).toEqual([
        '2026-02-01',
        '2026-03-04',
        '2026-03-05',
        '2026-03-08',
      ]);
      expect(read.painScores).toEqual([
        { scoredOn: '2026-02-01', score: 8 },
        { scoredOn: '2026-03-05', score: 6 },
        { scoredOn: '2026-03-08', score: 7 },
      ]);
      expect(read.baselineCandidate).toEqual({ scoredOn: '2026-03-08', score: 7 });
    });

    it('has no baseline candidate when the latest pain score is older than 14 days', async () => {
      await record(RECORD_SYMPTOM_SCORE, 'recordSymptomScore', {
        measure: 'PAIN_NRS',
        scoredOn: '2026-02-24',
        score: 5,
      });
      expect((await readPatient()).baselineCandidate).toBeNull();
      await record(RECORD_SYMPTOM_SCORE, 'recordSymptomScore', {
        measure: 'PAIN_NRS',
        scoredOn: '2026-02-25',
        score: 5,
      });
      expect((await readPatient()).baselineCandidate).toEqual({ scoredOn: '2026-02-25', score: 5 });
    });

    it('refuses the same measure on the same day again, keeping the first: a score is amended, not overwritten', async () => {
      const first = await record<Row>(RECORD_SYMPTOM_SCORE, 'recordSymptomScore', {
        measure: 'PAIN_NRS',
        scoredOn: '2026-03-10',
        score: 4,
      });
      await expect(
        record(RECORD_SYMPTOM_SCORE, 'recordSymptomScore', {
          measure: 'PAIN_NRS',
          scoredOn: '2026-03-10',
          score: 5,
        }),
      ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'ALREADY_SCORED' } });
      const scores = await server.db.prisma.symptomScore.findMany({ where: { patientId: patient.id } });
      expect(scores).toMatchObject([{ id: first.id, score: 4 }]);
      const actions = await server.db.prisma.auditLog.findMany({
        where: { entity: 'SymptomScore', entityId: String(first.id) },
        orderBy: { id: 'asc' },
      });
      expect(actions.map((row) => row.action)).toEqual(['CREATE']);
    });

    it.each([0, 10])('accepts the boundary score %i', async (score) => {
      const recorded = await record(RECORD_SYMPTOM_SCORE, 'recordSymptomScore', {
        measure: 'FATIGUE',
        scoredOn: '2026-03-10',
        score,
      });
      expect(recorded).toMatchObject({ score });
    });
  });

  describe('every change is audited in its transaction, with ids only', () => {
    it.each([
      [
        'recordPriorTherapy',
        RECORD_PRIOR_THERAPY,
        { drug: 'nortriptyline', outcome: 'INEFFECTIVE' },
        'PriorTherapy',
      ],
      ['attestOpioidFree', ATTEST_OPIOID_FREE, { attestedOn: '2026-03-10' }, 'OpioidFreeAttestation'],
      ['recordConsent', RECORD_CONSENT, { recordedOn: '2026-03-10', points: ALL_POINTS }, 'Consent'],
      [
        'recordSymptomScore',
        RECORD_SYMPTOM_SCORE,
        { measure: 'SLEEP', scoredOn: '2026-03-10', score: 2 },
        'SymptomScore',
      ],
    ])('%s writes a CREATE row', async (name, mutation, input, entity) => {
      const recorded = await record<Row>(mutation, name, input);
      const rows = await server.db.prisma.auditLog.findMany({ where: { entityId: String(recorded.id) } });
      expect(rows).toMatchObject([
        { action: 'CREATE', entity, actorId: cast.coordinator.id, organisationId: cast.clinic.id },
      ]);
    });

    it('recordMedication and stopMedication write CREATE and UPDATE rows', async () => {
      const { medication } = await record<{ medication: Row }>(RECORD_MEDICATION, 'recordMedication', {
        drug: 'gabapentin',
      });
      await asCoordinator(STOP_MEDICATION, { medicationId: medication.id, stoppedOn: '2026-03-10' });
      const rows = await server.db.prisma.auditLog.findMany({
        where: { entityId: String(medication.id) },
        orderBy: { id: 'asc' },
      });
      expect(rows.map((row) => [row.action, row.entity])).toEqual([
        ['CREATE', 'Medication'],
        ['UPDATE', 'Medication'],
      ]);
    });
  });

  describe('eligibility', () => {
    const eligibility = async (condition: string) =>
      (await asCoordinator<{ eligibility: Row }>(ELIGIBILITY, { patientId: patient.id, condition }))
        .eligibility;
    // §11: the classes come from the drug; the API takes none from the form.
    const therapy = (drug: string, outcome: string) =>
      record(RECORD_PRIOR_THERAPY, 'recordPriorTherapy', { drug, outcome });
    const unmet = (line: string) => ({ line, met: false, metBy: null, metByClass: null, classesFrom: null });

    it('lists fibromyalgia’s three lines as unmet, with the soft stop, when nothing is recorded', async () => {
      expect(await eligibility('FIBROMYALGIA')).toEqual({
        eligible: false,
        requirements: [unmet('TCA_OR_SNRI'), unmet('ANTICONVULSANT'), unmet('FIBROMYALGIA_DRUG')],
        findings: [
          expect.objectContaining({ code: 'ELIGIBILITY_PRIOR_LINES_MISSING', severity: 'SOFT_STOP' }),
        ],
      });
    });

    it('meets fibromyalgia’s lines with the first qualifying therapies, one therapy meeting two lines', async () => {
      await therapy('duloxetine', 'ONGOING'); // ongoing is not a failure
      await therapy('nortriptyline', 'INEFFECTIVE');
      await therapy('Lyrica', 'INTOLERANT');
      const fromVocabulary = (line: string, metBy: string, metByClass: string) => ({
        line,
        met: true,
        metBy,
        metByClass,
        classesFrom: 'VOCABULARY',
      });
      expect(await eligibility('FIBROMYALGIA')).toEqual({
        eligible: true,
        requirements: [
          fromVocabulary('TCA_OR_SNRI', 'nortriptyline', 'TCA'),
          fromVocabulary('ANTICONVULSANT', 'Lyrica', 'ANTICONVULSANT'),
          fromVocabulary('FIBROMYALGIA_DRUG', 'Lyrica', 'FIBROMYALGIA_APPROVED'),
        ],
        findings: [],
      });
    });

    it('asks only for a failed TCA for neuropathic corneal pain', async () => {
      await therapy('venlafaxine', 'INEFFECTIVE');
      expect(await eligibility('NEUROPATHIC_CORNEAL_PAIN')).toMatchObject({
        eligible: false,
        requirements: [unmet('TCA')],
      });
      await therapy('amitriptyline', 'CONTRAINDICATED');
      expect(await eligibility('NEUROPATHIC_CORNEAL_PAIN')).toEqual({
        eligible: true,
        requirements: [
          { line: 'TCA', met: true, metBy: 'amitriptyline', metByClass: 'TCA', classesFrom: 'VOCABULARY' },
        ],
        findings: [],
      });
    });

    it('warns of limited evidence for other chronic pain', async () => {
      const result = await eligibility('OTHER_CHRONIC_PAIN');
      expect(result.findings).toContainEqual(
        expect.objectContaining({ code: 'LIMITED_EVIDENCE', severity: 'WARNING' }),
      );
    });

    it('refuses a condition that is not an LDN indication', async () => {
      await expect(eligibility('MIGRAINE')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    });

    it('writes a READ audit row for the patient', async () => {
      await eligibility('CRPS');
      const rows = await server.db.prisma.auditLog.findMany({ where: { entityId: patient.id } });
      expect(rows).toMatchObject([{ action: 'READ', entity: 'Patient' }]);
    });
  });
});
