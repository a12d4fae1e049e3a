import type { Prisma } from '@ldn/db';
import type { Client } from '../access/repository.ts';

/** One record of a patient, named as the audit log names it: its entity and its id. */
interface AuditedRecord {
  entity: string;
  id: string;
}

/**
 * The patient with this MRN at this clinic and every record of theirs the audit log can name — the
 * patient, histories, scores, consents, trials and their records, orders — as one query of ids; null
 * when the clinic has no such patient. Ids only: the administrator never sees a patient's details.
 */
export async function patientAuditRecords(
  prisma: Client,
  clinicId: string,
  mrn: string,
): Promise<AuditedRecord[] | null> {
  const rows = await prisma.$queryRaw<AuditedRecord[]>`
    WITH "patient" AS (SELECT "id" FROM "Patient" WHERE "clinicId" = ${clinicId}::uuid AND "mrn" = ${mrn}),
         "trial" AS (SELECT "id" FROM "Trial" WHERE "patientId" IN (SELECT "id" FROM "patient"))
    SELECT 'Patient' AS "entity", "id"::text AS "id" FROM "patient"
    UNION ALL SELECT 'PriorTherapy', "id"::text FROM "PriorTherapy" WHERE "patientId" IN (SELECT "id" FROM "patient")
    UNION ALL SELECT 'Medication', "id"::text FROM "Medication" WHERE "patientId" IN (SELECT "id" FROM "patient")
    UNION ALL SELECT 'OpioidFreeAttestation', "id"::text FROM "OpioidFreeAttestation" WHERE "patientId" IN (SELECT "id" FROM "patient")
    UNION ALL SELECT 'Consent', "id"::text FROM "Consent" WHERE "patientId" IN (SELECT "id" FROM "patient")
    UNION ALL SELECT 'SymptomScore', "id"::text FROM "SymptomScore" WHERE "patientId" IN (SELECT "id" FROM "patient")
    UNION ALL SELECT 'Order', "id"::text FROM "Order" WHERE "patientId" IN (SELECT "id" FROM "patient")
    UNION ALL SELECT 'Trial', "id"::text FROM "trial"
    UNION ALL SELECT 'DoseChange', "id"::text FROM "DoseChange" WHERE "trialId" IN (SELECT "id" FROM "trial")
    UNION ALL SELECT 'AdverseEffect', "id"::text FROM "AdverseEffect" WHERE "trialId" IN (SELECT "id" FROM "trial")
    UNION ALL SELECT 'Assessment', "id"::text FROM "Assessment" WHERE "trialId" IN (SELECT "id" FROM "trial")`;
  return rows.some((row) => row.entity === 'Patient') ? rows : null;
}

/**
 * The audit rows that touch these records: a row about one of them (by the (entity, entityId) index)
 * or a LIST row that showed one (`entityIds && ids`, by the GIN index on entityIds).
 */
export function touchingRecords(records: readonly AuditedRecord[]): Prisma.AuditLogWhereInput {
  const idsOf = new Map<string, string[]>();
  for (const record of records) idsOf.set(record.entity, [...(idsOf.get(record.entity) ?? []), record.id]);
  return {
    OR: [
      ...[...idsOf].map(([entity, ids]) => ({ entity, entityId: { in: ids } })),
      { entityIds: { hasSome: records.map((record) => record.id) } },
    ],
  };
}
