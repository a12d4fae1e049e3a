import type { Medication, PriorTherapy, PrismaClient } from '@ldn/db';
import { ACTIVE_TRIAL_STATES, VOCABULARY_VERSION } from '@ldn/rules';
import { audit } from '../audit/audit.ts';
import { columnsAreOpioid, type DrugColumns, vocabularyColumns } from './drug-classification.ts';

/** The vocabularyVersion the migration gave records made before there was a vocabulary. */
const PRE_VOCABULARY = '';

/** Rows classified per statement batch. */
const BATCH = 200;

/** The audit rows of a re-screen: no person did it, the new vocabulary did. */
const RESCREEN = { viewer: null, requestId: `vocabulary-${VOCABULARY_VERSION}` };

export interface RescreenResult {
  medications: number;
  priorTherapies: number;
  /** Active medications of patients with an active trial that the new vocabulary reads as opioids. */
  flaggedForReview: number;
}

/**
 * A row's drug columns under the current vocabulary (clinical-rules §11). What the vocabulary now
 * recognises, it decides; a clinician's classification of a name it still cannot recognise stands.
 */
function reclassified(
  row: Pick<PriorTherapy, 'drug' | 'recordedById' | 'createdAt'> & DrugColumns,
): DrugColumns & { isOpioid: boolean } {
  const fromVocabulary = vocabularyColumns(row.drug);
  if (fromVocabulary.recognition === 'RECOGNISED') return fromVocabulary;
  // A record from before the vocabulary had its classes ticked by the person who recorded it: for a
  // name the vocabulary still cannot judge, that choice stands and says whose it was.
  const ticked = row.vocabularyVersion === PRE_VOCABULARY && row.classes.length > 0;
  if (row.classifiedBy !== 'CLINICIAN' && !ticked) return fromVocabulary;
  const kept: DrugColumns = {
    ingredients: row.ingredients,
    classes: row.classes,
    recognition: fromVocabulary.recognition,
    suggestion: fromVocabulary.suggestion,
    vocabularyVersion: VOCABULARY_VERSION,
    classifiedBy: 'CLINICIAN',
    classifiedById: ticked ? row.recordedById : row.classifiedById,
    classifiedAt: ticked ? row.createdAt : row.classifiedAt,
  };
  return { ...kept, isOpioid: columnsAreOpioid(kept) };
}

async function patientsWithActiveTrial(prisma: PrismaClient, patientIds: string[]): Promise<Set<string>> {
  const trials = await prisma.trial.findMany({
    // A trial entered in error is no trial (workflows.md, corrections).
    where: { patientId: { in: patientIds }, state: { in: [...ACTIVE_TRIAL_STATES] }, enteredInErrorAt: null },
    select: { patientId: true },
  });
  return new Set(trials.map((trial) => trial.patientId));
}

async function rescreenMedications(prisma: PrismaClient): Promise<{ rows: number; flagged: number }> {
  let rows = 0;
  let flagged = 0;
  for (;;) {
    const batch: Medication[] = await prisma.medication.findMany({
      where: { vocabularyVersion: { not: VOCABULARY_VERSION } },
      take: BATCH,
      orderBy: { id: 'asc' },
    });
    if (batch.length === 0) return { rows, flagged };
    const inTrial = await patientsWithActiveTrial(prisma, [...new Set(batch.map((row) => row.patientId))]);
    for (const row of batch) {
      const columns = reclassified(row);
      // §11: an opioid the older vocabulary missed, still taken during a trial, is never silently ignored.
      const review =
        columns.isOpioid &&
        !row.isOpioid &&
        row.stoppedOn === null &&
        row.enteredInErrorAt === null &&
        inTrial.has(row.patientId);
      await prisma.$transaction(async (tx) => {
        // Another process starting at the same moment may have done this row already.
        const { count } = await tx.medication.updateMany({
          where: { id: row.id, vocabularyVersion: row.vocabularyVersion },
          data: { ...columns, ...(review ? { needsReview: true } : {}) },
        });
        if (count === 1) await audit(tx, RESCREEN, 'RECLASSIFY', 'Medication', row.id);
      });
      rows += 1;
      if (review) flagged += 1;
    }
  }
}

async function rescreenPriorTherapies(prisma: PrismaClient): Promise<number> {
  let rows = 0;
  for (;;) {
    const batch = await prisma.priorTherapy.findMany({
      where: { vocabularyVersion: { not: VOCABULARY_VERSION } },
      take: BATCH,
      orderBy: { id: 'asc' },
    });
    if (batch.length === 0) return rows;
    for (const row of batch) {
      const { isOpioid: _notStored, ...columns } = reclassified(row);
      await prisma.$transaction(async (tx) => {
        const { count } = await tx.priorTherapy.updateMany({
          where: { id: row.id, vocabularyVersion: row.vocabularyVersion },
          data: columns,
        });
        if (count === 1) await audit(tx, RESCREEN, 'RECLASSIFY', 'PriorTherapy', row.id);
      });
      rows += 1;
    }
  }
}

/**
 * Clinical-rules §11: at start-up, every medication and prior therapy classified with another
 * vocabulary version (or never: rows from before the vocabulary) is classified again, and a newly
 * recognised opioid among the active medications of a patient in an active trial is flagged for
 * the clinician's review (the worklist's POSSIBLE_OPIOID_REVIEW).
 */
export async function rescreenDrugRecords(prisma: PrismaClient): Promise<RescreenResult> {
  const medications = await rescreenMedications(prisma);
  const priorTherapies = await rescreenPriorTherapies(prisma);
  return { medications: medications.rows, priorTherapies, flaggedForReview: medications.flagged };
}
