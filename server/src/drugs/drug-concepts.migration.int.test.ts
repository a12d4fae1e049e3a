import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMigrations, type Database, readMigrations } from '@ldn/db';
import { createTestDatabase } from '@ldn/db/testing';
import { checkEligibility, VOCABULARY_VERSION } from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rescreenDrugRecords } from './drug-rescreen.ts';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'prisma', 'migrations');
const DRUG_CONCEPTS = '20261127120000_drug_concepts';

/** Prior therapies as the portal stored them before §11: classes ticked by hand, DISEASE_SPECIFIC among them. */
const OLD_THERAPIES = {
  tecfidera: { drug: 'Tecfidera', classes: ['DISEASE_SPECIFIC'], outcome: 'ONGOING' },
  pregabalin: { drug: 'pregabalin', classes: ['ANTICONVULSANT', 'DISEASE_SPECIFIC'], outcome: 'INEFFECTIVE' },
  nortriptyline: { drug: 'nortriptyline', classes: ['TCA'], outcome: 'INEFFECTIVE' },
  unrecognisedTca: { drug: 'Zorbafen', classes: ['TCA', 'DISEASE_SPECIFIC'], outcome: 'INEFFECTIVE' },
  unrecognisedOnlyDiseaseSpecific: { drug: 'Glorbanol', classes: ['DISEASE_SPECIFIC'], outcome: 'ONGOING' },
} as const;

/** Medications as the old string matcher flagged them (it knew no Tylenol #3). */
const OLD_MEDICATIONS = {
  percocet: { drug: 'Percocet 5/325', isOpioid: true, stopped: false },
  tylenol3: { drug: 'Tylenol #3', isOpioid: false, stopped: false },
  ibuprofen: { drug: 'ibuprofen', isOpioid: false, stopped: false },
  diamorphine: { drug: 'diamorphine', isOpioid: true, stopped: true },
  pethidine: { drug: 'pethidine 50 mg', isOpioid: true, stopped: true },
  msContin: { drug: 'MS Contin', isOpioid: true, stopped: true },
} as const;

type Ids<T> = Record<keyof T, string>;

describe(`the ${DRUG_CONCEPTS} migration and the first re-screen`, () => {
  let db: Database;
  let workDir: string;
  const therapyIds = {} as Ids<typeof OLD_THERAPIES>;
  const medicationIds = {} as Ids<typeof OLD_MEDICATIONS>;

  const sql = <Row = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    db.withSession((session) => session.query<Row>(text, params));

  beforeAll(async () => {
    // A database of its own, emptied and migrated up to the migration before this one.
    db = await createTestDatabase();
    await db.withSession((session) => session.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'));
    workDir = await mkdtemp(join(tmpdir(), 'ldn-migrations-'));
    const earlier = (await readMigrations(migrationsDir)).filter(
      (migration) => migration.name < DRUG_CONCEPTS,
    );
    for (const migration of earlier) {
      await cp(join(migrationsDir, migration.name), join(workDir, migration.name), { recursive: true });
    }
    expect(await applyMigrations(db, workDir)).toEqual(earlier.map((migration) => migration.name));

    // A clinic, a clinician, and a patient in an active trial, with old-shape rows.
    const [clinic, clinician, patient] = [randomUUID(), randomUUID(), randomUUID()];
    await sql(
      `INSERT INTO "Organisation" (id, kind, name, "updatedAt") VALUES ($1, 'CLINIC', 'Clinic', now())`,
      [clinic],
    );
    await sql(
      `INSERT INTO "User" (id, "organisationId", email, name, role, "updatedAt")
       VALUES ($1, $2, 'clinician@example.test', 'Dr Old', 'CLINICIAN', now())`,
      [clinician, clinic],
    );
    await sql(
      `INSERT INTO "Patient" (id, "clinicId", mrn, "givenName", "familyName", "dateOfBirth", "updatedAt")
       VALUES ($1, $2, 'MRN-OLD', 'Old', 'Rows', '1970-01-01', now())`,
      [patient, clinic],
    );
    await sql(
      `INSERT INTO "Trial" (id, "patientId", "clinicId", "prescriberId", condition, state, "startDate", "startDoseMg",
         "baselineScore", "baselineScoredOn", policy, "updatedAt")
       VALUES ($1, $2, $3, $4, 'MULTIPLE_SCLEROSIS', 'TITRATING', '2026-02-01', 1.5, 7, '2026-01-30', '{}', now())`,
      [randomUUID(), patient, clinic, clinician],
    );
    for (const [key, therapy] of Object.entries(OLD_THERAPIES)) {
      const id = randomUUID();
      therapyIds[key as keyof typeof OLD_THERAPIES] = id;
      await sql(
        `INSERT INTO "PriorTherapy" (id, "patientId", drug, classes, outcome, "recordedById")
         VALUES ($1, $2, $3, $4::"TherapyClass"[], $5::"TherapyOutcome", $6)`,
        [id, patient, therapy.drug, therapy.classes, therapy.outcome, clinician],
      );
    }
    for (const [key, medication] of Object.entries(OLD_MEDICATIONS)) {
      const id = randomUUID();
      medicationIds[key as keyof typeof OLD_MEDICATIONS] = id;
      await sql(
        `INSERT INTO "Medication" (id, "patientId", drug, "isOpioid", "startedOn", "stoppedOn", "recordedById", "updatedAt")
         VALUES ($1, $2, $3, $4, '2026-01-01', $5::date, $6, now())`,
        [
          id,
          patient,
          medication.drug,
          medication.isOpioid,
          medication.stopped ? '2026-01-20' : null,
          clinician,
        ],
      );
    }

    // This migration, then any committed after it (they must leave its work as it is).
    const applied = await applyMigrations(db);
    expect(applied[0]).toBe(DRUG_CONCEPTS);
    expect(applied.every((name) => name >= DRUG_CONCEPTS)).toBe(true);
  });
  afterAll(async () => {
    await db?.close();
    if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
  });

  describe('the migration', () => {
    it('retires DISEASE_SPECIFIC from the therapy classes', async () => {
      const [row] = await sql<{ labels: string[] }>(
        `SELECT enum_range(NULL::"TherapyClass")::text[] AS labels`,
      );
      expect(row?.labels).toEqual([
        'OPIOID',
        'OPIOID_ANTAGONIST',
        'TCA',
        'SNRI',
        'ANTICONVULSANT',
        'MS_DISEASE_MODIFYING',
        'FIBROMYALGIA_APPROVED',
        'OTHER',
      ]);
    });

    it('keeps every row, without DISEASE_SPECIFIC, to be classified at start-up', async () => {
      const therapies = await db.prisma.priorTherapy.findMany();
      expect(therapies).toHaveLength(Object.keys(OLD_THERAPIES).length);
      const classesOf = (key: keyof typeof OLD_THERAPIES) =>
        therapies.find((therapy) => therapy.id === therapyIds[key])?.classes;
      expect(classesOf('tecfidera')).toEqual(['OTHER']);
      expect(classesOf('pregabalin')).toEqual(['ANTICONVULSANT']);
      expect(classesOf('nortriptyline')).toEqual(['TCA']);
      expect(classesOf('unrecognisedTca')).toEqual(['TCA']);
      expect(classesOf('unrecognisedOnlyDiseaseSpecific')).toEqual(['OTHER']);
      expect(therapies.every((therapy) => therapy.vocabularyVersion === '' && therapy.version === 1)).toBe(
        true,
      );

      const medications = await db.prisma.medication.findMany();
      expect(medications).toHaveLength(Object.keys(OLD_MEDICATIONS).length);
      for (const [key, old] of Object.entries(OLD_MEDICATIONS)) {
        const row = medications.find(
          (medication) => medication.id === medicationIds[key as keyof typeof OLD_MEDICATIONS],
        );
        // A stored opioid stays an opioid until the re-screen reads it again.
        expect(row, key).toMatchObject({
          drug: old.drug,
          isOpioid: old.isOpioid,
          classes: old.isOpioid ? ['OPIOID'] : [],
          vocabularyVersion: '',
          needsReview: false,
          enteredInErrorAt: null,
        });
      }
    });
  });

  describe('the first re-screen after it', () => {
    beforeAll(async () => {
      expect(await rescreenDrugRecords(db.prisma)).toEqual({
        medications: Object.keys(OLD_MEDICATIONS).length,
        priorTherapies: Object.keys(OLD_THERAPIES).length,
        flaggedForReview: 1,
      });
    });

    const therapy = (key: keyof typeof OLD_THERAPIES) =>
      db.prisma.priorTherapy.findUniqueOrThrow({ where: { id: therapyIds[key] } });
    const medication = (key: keyof typeof OLD_MEDICATIONS) =>
      db.prisma.medication.findUniqueOrThrow({ where: { id: medicationIds[key] } });

    it.each([
      ['tecfidera', ['MS_DISEASE_MODIFYING']],
      ['pregabalin', ['ANTICONVULSANT', 'FIBROMYALGIA_APPROVED']],
      ['nortriptyline', ['TCA']],
    ] as const)('gives %s its classes from the vocabulary', async (key, classes) => {
      expect(await therapy(key)).toMatchObject({
        classes,
        recognition: 'RECOGNISED',
        classifiedBy: 'VOCABULARY',
        vocabularyVersion: VOCABULARY_VERSION,
      });
    });

    it('keeps the classes recorded for a name the vocabulary cannot judge (nothing clinical is lost)', async () => {
      expect(await therapy('unrecognisedTca')).toMatchObject({
        classes: ['TCA'],
        recognition: 'UNRECOGNISED',
        vocabularyVersion: VOCABULARY_VERSION,
      });
      expect(await therapy('unrecognisedOnlyDiseaseSpecific')).toMatchObject({
        classes: ['OTHER'],
        recognition: 'UNRECOGNISED',
        vocabularyVersion: VOCABULARY_VERSION,
      });
    });

    it('meets the MS line with Tecfidera, never with pregabalin', async () => {
      const rows = await db.prisma.priorTherapy.findMany({ orderBy: { createdAt: 'asc' } });
      const result = checkEligibility({ condition: 'MULTIPLE_SCLEROSIS', priorTherapies: rows });
      expect(result.requirements).toContainEqual(
        expect.objectContaining({ line: 'DISEASE_MODIFYING_THERAPY', met: true, metBy: 'Tecfidera' }),
      );
      const withoutTecfidera = rows.filter((row) => row.id !== therapyIds.tecfidera);
      expect(
        checkEligibility({ condition: 'MULTIPLE_SCLEROSIS', priorTherapies: withoutTecfidera }).requirements,
      ).toContainEqual(expect.objectContaining({ line: 'DISEASE_MODIFYING_THERAPY', met: false }));
    });

    it.each(['percocet', 'diamorphine', 'pethidine', 'msContin'] as const)(
      'keeps %s, an opioid to the old matcher, an opioid',
      async (key) => {
        expect(await medication(key)).toMatchObject({
          isOpioid: true,
          classes: ['OPIOID'],
          recognition: 'RECOGNISED',
          vocabularyVersion: VOCABULARY_VERSION,
          needsReview: false,
        });
      },
    );

    it('flags Tylenol #3, active during the trial, as a newly recognised opioid to review', async () => {
      expect(await medication('tylenol3')).toMatchObject({
        isOpioid: true,
        needsReview: true,
        recognition: 'RECOGNISED',
        vocabularyVersion: VOCABULARY_VERSION,
      });
      expect(await medication('ibuprofen')).toMatchObject({
        isOpioid: false,
        classes: ['OTHER'],
        needsReview: false,
      });
    });

    it('writes a RECLASSIFY audit row for each row', async () => {
      const audits = await db.prisma.auditLog.findMany({ where: { action: 'RECLASSIFY' } });
      expect(audits.map((row) => row.entityId).sort()).toEqual(
        [...Object.values(therapyIds), ...Object.values(medicationIds)].sort(),
      );
    });
  });
});
