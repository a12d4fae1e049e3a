import { Prisma, preparedMark, type Trial } from '@ldn/db';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import type { LoaderSource } from '../access/loaders.ts';
import type { DraftRow, LatestOrder } from '../orders/order-worklist.ts';
import {
  assessmentOf,
  columnsOf,
  doseChangeOf,
  holdOf,
  type Json,
  patientOf,
  revive,
  rowJson,
} from './json-rows.ts';
import { trialLoaders } from './trial.loaders.ts';

// What the worklist reads, in one statement (issue #16): per trial of the clinic that has not
// ended, and per ended one a draft was left on, the trial, its events, its patient, its latest
// order, its drafts with who prepared them and its patient's medications to review. The events
// and patients go into the request's loaders, so the items' `status` and `patient` fields read
// nothing more. Per active trial also whether its patient link is live and the side effects its
// patient reported that nobody has reviewed (patient-link/patient-worklist.ts), so the worklist
// sends this statement and its audit row only. One statement however many trials; each part by an
// index of its table.

export interface WorklistData {
  /** The clinic's trials that have not ended nor were entered in error, by id. */
  active: Map<string, Trial>;
  /** Those, and the ended ones a draft was left on, by id. */
  trials: Map<string, Trial>;
  /** The latest order of each active trial that was rejected, is on hold or was dispensed. */
  latestOrders: LatestOrder[];
  /** Every draft of the clinic on those trials, oldest first, with who prepared it. */
  drafts: (DraftRow & { preparedBy: string | null })[];
  /** Medications still taken that a newer drug vocabulary reads as opioids, oldest first. */
  medications: { id: string; patientId: string; drug: string; createdAt: Date }[];
  /** The active trials whose patient link is live (not revoked, not locked, not expired), by id. */
  linkedTrials: Map<string, Trial>;
  /** Side effects the patients of active trials reported, not reviewed nor entered in error, earliest onset first. */
  patientEffects: PatientEffect[];
}

/** A side effect a patient reported on the link, waiting for a clinic user's review. */
export interface PatientEffect {
  id: string;
  trialId: string;
  onsetOn: Date;
}

// A list a trial has none of is null (json_agg of no rows): cheaper than a COALESCE per row.
interface Row extends Trial {
  active: boolean;
  doseChanges: Json[] | null;
  holds: Json[] | null;
  assessments: Json[] | null;
  patient: Json;
  latestOrder: Json | null;
  drafts: Json[] | null;
  medications: Json[] | null;
  liveLink: boolean;
  patientEffects: Json[] | null;
}

/** What the worklist reads of the clinic, with the links live at `now`. */
export async function loadWorklistData(scope: ClinicRepository, now: Date): Promise<WorklistData> {
  const clinicId = scope.clinicId;
  const rows = await scope.read(
    (client) => client.$queryRaw<Row[]>`${Prisma.raw(preparedMark('worklist'))}
    WITH draft AS (
      SELECT o."trialId",
        json_agg(json_build_object('id', o.id, 'trialId', o."trialId", 'createdById', o."createdById",
                                   'createdAt', o."createdAt", 'preparedBy', u.name)
                 ORDER BY o."createdAt", o.id) AS drafts
      FROM "Order" o LEFT JOIN "User" u ON u.id = o."createdById"
      -- By "Order_clinic_drafts_idx", whose WHERE this literal state matches (row-level security
      -- keeps the state itself out of an index scan).
      WHERE o."clinicId" = ${clinicId}::uuid AND o.state = 'DRAFT'
      GROUP BY o."trialId"
    ),
    listed AS (
      -- The active trials, then the others a draft was left on: no trial is both, so UNION ALL.
      SELECT t.*, true AS active FROM "Trial" t
      WHERE t."clinicId" = ${clinicId}::uuid AND t."enteredInErrorAt" IS NULL
        AND t."endedOn" IS NULL AND t.state <> 'DISCONTINUED'
      UNION ALL
      SELECT t.*, false FROM "Trial" t
      WHERE t.id IN (SELECT "trialId" FROM draft)
        AND t."clinicId" = ${clinicId}::uuid AND t."enteredInErrorAt" IS NULL
        AND (t."endedOn" IS NOT NULL OR t.state = 'DISCONTINUED')
    )
    SELECT ${columnsOf('t', Prisma.TrialScalarFieldEnum)}, t.active,
      (SELECT json_agg(${rowJson('d', Prisma.DoseChangeScalarFieldEnum, ['doseMg'])} ORDER BY d."changedOn")
       FROM "DoseChange" d WHERE d."trialId" = t.id) AS "doseChanges",
      (SELECT json_agg(h ORDER BY h."heldOn") FROM "TrialHold" h WHERE h."trialId" = t.id) AS holds,
      (SELECT json_agg(${rowJson('a', Prisma.AssessmentScalarFieldEnum, ['meanScore', 'relativeReduction'])} ORDER BY a."assessedOn")
       FROM "Assessment" a WHERE a."trialId" = t.id) AS assessments,
      (SELECT row_to_json(p) FROM "Patient" p WHERE p.id = t."patientId") AS patient,
      CASE WHEN t.active THEN (
        SELECT json_build_object('id', o.id, 'trialId', o."trialId", 'state', o.state, 'updatedAt', o."updatedAt",
                                 'rejectionReason', o."rejectionReason", 'dispensedOn', o."dispensedOn",
                                 'daysSupply', (SELECT COALESCE(sum(ol."daysSupply"), 0) FROM "OrderLine" ol WHERE ol."orderId" = o.id))
        FROM "Order" o
        WHERE o."trialId" = t.id AND o."clinicId" = ${clinicId}::uuid AND o.state <> 'CANCELLED'
        ORDER BY o."createdAt" DESC, o.id DESC
        LIMIT 1
      ) END AS "latestOrder",
      dr.drafts,
      CASE WHEN t.active THEN (
        SELECT json_agg(json_build_object('id', m.id, 'patientId', m."patientId", 'drug', m.drug, 'createdAt', m."createdAt")
                        ORDER BY m."createdAt", m.id)
        FROM "Medication" m
        WHERE m."patientId" = t."patientId" AND m."needsReview" AND m."stoppedOn" IS NULL AND m."enteredInErrorAt" IS NULL
      ) END AS medications,
      t.active AND EXISTS (
        SELECT FROM "PatientLink" k
        WHERE k."trialId" = t.id AND k."revokedAt" IS NULL AND k."lockedAt" IS NULL AND k."expiresAt" > ${now}::timestamptz
      ) AS "liveLink",
      CASE WHEN t.active THEN (
        SELECT json_agg(json_build_object('id', e.id, 'trialId', e."trialId", 'onsetOn', e."onsetOn") ORDER BY e."onsetOn", e.id)
        FROM "AdverseEffect" e
        WHERE e."trialId" = t.id AND e.source = 'PATIENT' AND e."reviewedAt" IS NULL AND e."enteredInErrorAt" IS NULL
      ) END AS "patientEffects"
    FROM listed t LEFT JOIN draft dr ON dr."trialId" = t.id
    ORDER BY t."startDate", t.id`,
  );
  return collect(scope, rows);
}

const oldestFirst = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Splits the rows into the worklist's parts, and primes the loaders with the events and patients. */
function collect(ctx: LoaderSource, rows: readonly Row[]): WorklistData {
  const loaders = trialLoaders(ctx);
  const data: WorklistData = {
    active: new Map(),
    trials: new Map(),
    latestOrders: [],
    drafts: [],
    medications: [],
    linkedTrials: new Map(),
    patientEffects: [],
  };
  const medicationIds = new Set<string>();
  for (const {
    active,
    doseChanges,
    holds,
    assessments,
    patient,
    latestOrder,
    drafts,
    medications,
    liveLink,
    patientEffects,
    ...trial
  } of rows) {
    data.trials.set(trial.id, trial);
    if (active) data.active.set(trial.id, trial);
    if (liveLink) data.linkedTrials.set(trial.id, trial);
    for (const effect of patientEffects ?? []) data.patientEffects.push(revive(effect, ['onsetOn']));
    loaders.doseChanges.prime(trial.id, (doseChanges ?? []).map(doseChangeOf));
    loaders.holds.prime(trial.id, (holds ?? []).map(holdOf));
    loaders.assessments.prime(trial.id, (assessments ?? []).map(assessmentOf));
    loaders.patients.prime(trial.patientId, patientOf(patient));
    if (latestOrder !== null) {
      data.latestOrders.push(revive<LatestOrder>(latestOrder, ['updatedAt', 'dispensedOn']));
    }
    for (const draft of drafts ?? []) data.drafts.push(revive(draft, ['createdAt']));
    for (const medication of medications ?? []) {
      if (medicationIds.has(medication.id as string)) continue;
      medicationIds.add(medication.id as string);
      data.medications.push(revive(medication, ['createdAt']));
    }
  }
  data.drafts.sort(oldestFirst);
  data.medications.sort(oldestFirst);
  // Stable: effects of one onset day stay in the rows' order, trial by trial.
  data.patientEffects.sort((a, b) => a.onsetOn.getTime() - b.onsetOn.getTime());
  return data;
}
