import {
  type AdverseEffect,
  type Order,
  type Override,
  type PatientLink,
  type PatientReport,
  Prisma,
  preparedMark,
  type SymptomScore,
  type Trial,
  type TrialWarning,
} from '@ldn/db';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { isRecordId } from '../access/ids.ts';
import type { LoaderSource } from '../access/loaders.ts';
import { auditReadOf } from '../audit/audit.ts';
import { userNames } from '../graphql/user-names.ts';
import { linesOf, ordersOfTrial, organisationName } from '../orders/order.loaders.ts';
import { signaturesOf, signedPatientsOf } from '../orders/order-signature.ts';
import { patientLinkLoaders } from '../patient-link/patient-adherence.ts';
import { notFound } from '../platform/errors.ts';
import {
  assessmentOf,
  columnsOf,
  doseChangeOf,
  holdOf,
  type Json,
  orderLineOf,
  orderLinesJson,
  orderSignatureOf,
  patientOf,
  revive,
  rowJson,
} from './json-rows.ts';
import { trialLoaders } from './trial.loaders.ts';

// A trial and what its page reads of it, in one statement (issues #16, #17): the trial's own row,
// its events, patient, overrides, warnings, adverse effects, pain scores, orders with their lines,
// signatures and pharmacies, its patient links and reports, the nights dispensed, the names of who
// did what, and the read's audit row. Each batched loader would be a statement of its own, and under
// row-level security each costs an access statement and its policy; primed here, the page's field
// resolvers read nothing more. Each part reads by an index of its table, so the cost does not grow
// with the number of records; each table is named once (the CTEs), as row-level security plans a
// policy for every mention.

interface Row extends Trial {
  doseChanges: Json[];
  holds: Json[];
  assessments: Json[];
  overrides: Json[];
  warnings: Json[];
  adverseEffects: Json[];
  patient: Json | null;
  painScores: Json[];
  orders: { order: Json; lines: Json[]; signature: Json | null; pharmacy: Json | null }[];
  links: Json[];
  reports: Json[];
  nightsSupplied: number | null;
  users: { id: string; name: string }[];
}

const ORDER_DATES = [
  'submittedAt',
  'compoundedOn',
  'beyondUseDate',
  'compoundedAt',
  'verifiedAt',
  'dispensedOn',
  'needBy',
  'createdAt',
  'updatedAt',
];

/**
 * One trial of the clinic, entered in error or not, like `ClinicRepository.trial` (NOT_FOUND for
 * another clinic's or an id that is none), with its read audited and the page's loaders primed.
 */
export async function readTrialPage(scope: ClinicRepository, id: string): Promise<Trial> {
  if (!isRecordId(id)) throw notFound('Trial');
  // `t` is `scope.trial`'s read (the clinic's, entered in error or not); its columns come back as
  // columns, so the Prisma client reads them in its own types (dates, decimals, JSON). Every other
  // part, the audit row too, starts from `t`: nothing is read or logged for a trial that is not the
  // clinic's, with row-level security or without it (the system's connection).
  const [row] = await scope.read(
    (client) => client.$queryRaw<Row[]>`${Prisma.raw(preparedMark('trial-page'))}
    WITH t AS MATERIALIZED (
        SELECT * FROM "Trial" WHERE id = ${id}::uuid AND "clinicId" = ${scope.clinicId}::uuid
      ),
      audited AS (${auditReadOf(scope.auditContext, 'Trial', 't')}),
      d AS MATERIALIZED (SELECT * FROM "DoseChange" WHERE "trialId" = (SELECT id FROM t)),
      a AS MATERIALIZED (SELECT * FROM "Assessment" WHERE "trialId" = (SELECT id FROM t)),
      v AS MATERIALIZED (SELECT * FROM "Override" WHERE "trialId" = (SELECT id FROM t)),
      e AS MATERIALIZED (SELECT * FROM "AdverseEffect" WHERE "trialId" = (SELECT id FROM t)),
      k AS MATERIALIZED (SELECT * FROM "PatientLink" WHERE "trialId" = (SELECT id FROM t)),
      o AS MATERIALIZED (SELECT * FROM "Order" WHERE "trialId" = (SELECT id FROM t)),
      l AS MATERIALIZED (SELECT * FROM "OrderLine" WHERE "orderId" IN (SELECT id FROM o)),
      named AS (
        SELECT "prescriberId" AS id FROM t
        UNION SELECT "enteredInErrorById" FROM t
        UNION SELECT "enteredInErrorById" FROM d
        UNION SELECT "enteredInErrorById" FROM e
        UNION SELECT "assessedById" FROM a
        UNION SELECT "enteredInErrorById" FROM a
        UNION SELECT "givenById" FROM v
        UNION SELECT "createdById" FROM k
      )
    SELECT ${columnsOf('t', Prisma.TrialScalarFieldEnum)},
      COALESCE((SELECT json_agg(${rowJson('d', Prisma.DoseChangeScalarFieldEnum, ['doseMg'])} ORDER BY d."changedOn") FROM d), '[]')
        AS "doseChanges",
      COALESCE((SELECT json_agg(row_to_json(h) ORDER BY h."heldOn")
                FROM "TrialHold" h WHERE h."trialId" = t.id), '[]') AS holds,
      COALESCE((SELECT json_agg(${rowJson('a', Prisma.AssessmentScalarFieldEnum, ['meanScore', 'relativeReduction'])} ORDER BY a."assessedOn")
                FROM a), '[]') AS assessments,
      COALESCE((SELECT json_agg(row_to_json(v) ORDER BY v."givenAt") FROM v), '[]') AS overrides,
      COALESCE((SELECT json_agg(row_to_json(w) ORDER BY w."createdAt")
                FROM "TrialWarning" w WHERE w."trialId" = t.id), '[]') AS warnings,
      COALESCE((SELECT json_agg(row_to_json(e) ORDER BY e."onsetOn") FROM e), '[]') AS "adverseEffects",
      (SELECT row_to_json(p) FROM "Patient" p WHERE p.id = t."patientId") AS patient,
      COALESCE((SELECT json_agg(row_to_json(s) ORDER BY s."scoredOn")
                FROM "SymptomScore" s
                WHERE s."patientId" = t."patientId" AND s.measure = 'PAIN_NRS'
                  AND s."enteredInErrorAt" IS NULL), '[]') AS "painScores",
      COALESCE((SELECT json_agg(json_build_object(
                  'order', ${rowJson('o', Prisma.OrderScalarFieldEnum, ['liquidStrengthMgPerMl'])},
                  'lines', COALESCE((SELECT ${orderLinesJson('l')}
                                     FROM l WHERE l."orderId" = o.id), '[]'),
                  'signature', (SELECT row_to_json(g) FROM "OrderSignature" g WHERE g."orderId" = o.id),
                  'pharmacy', (SELECT json_build_object('id', f.id, 'name', f.name)
                               FROM "Organisation" f WHERE f.id = o."pharmacyId")
                ) ORDER BY o."createdAt" DESC) FROM o), '[]') AS orders,
      COALESCE((SELECT json_agg(row_to_json(k) ORDER BY k."createdAt") FROM k), '[]') AS links,
      COALESCE((SELECT json_agg(${rowJson('r', Prisma.PatientReportScalarFieldEnum, ['doseMg'])} ORDER BY r.evening DESC)
                FROM "PatientReport" r WHERE r."trialId" = t.id AND r."replacedAt" IS NULL), '[]') AS reports,
      (SELECT sum(l."daysSupply")::int FROM o JOIN l ON l."orderId" = o.id WHERE o.state = 'DISPENSED')
        AS "nightsSupplied",
      COALESCE((SELECT json_agg(json_build_object('id', u.id, 'name', u.name))
                FROM "User" u WHERE u.id IN (SELECT id FROM named)), '[]') AS users
    FROM t`,
  );
  if (row === undefined) throw notFound('Trial');
  return prime(scope, row);
}

/** Puts each part in the loader its field resolver reads, in the types the Prisma client reads; the trial. */
function prime(ctx: LoaderSource, row: Row): Trial {
  const {
    doseChanges,
    holds,
    assessments,
    overrides,
    warnings,
    adverseEffects,
    patient,
    painScores,
    orders,
    links,
    reports,
    nightsSupplied,
    users,
    ...trial
  } = row;
  const loaders = trialLoaders(ctx);
  loaders.doseChanges.prime(trial.id, doseChanges.map(doseChangeOf));
  loaders.holds.prime(trial.id, holds.map(holdOf));
  loaders.assessments.prime(trial.id, assessments.map(assessmentOf));
  loaders.overrides.prime(
    trial.id,
    overrides.map((v) => revive<Override>(v, ['givenAt'])),
  );
  loaders.warnings.prime(
    trial.id,
    // A list column left NULL the Prisma client reads as an empty list.
    warnings.map((w) => revive<TrialWarning>({ ...w, evidence: w.evidence ?? [] }, ['createdAt'])),
  );
  loaders.adverseEffects.prime(
    trial.id,
    adverseEffects.map((e) =>
      revive<AdverseEffect>(e, ['onsetOn', 'reviewedAt', 'enteredInErrorAt', 'createdAt']),
    ),
  );
  loaders.painScores.prime(
    trial.patientId,
    painScores.map((s) => revive<SymptomScore>(s, ['scoredOn', 'enteredInErrorAt', 'createdAt'])),
  );
  if (patient !== null) {
    const record = patientOf(patient);
    loaders.patients.prime(trial.patientId, record);
    const { id, mrn, givenName, familyName, dateOfBirth } = record;
    signedPatientsOf(ctx).prime(trial.patientId, { id, mrn, givenName, familyName, dateOfBirth });
  }

  const trialOrders: Order[] = [];
  for (const { order: json, lines, signature, pharmacy } of orders) {
    const order = revive<Order>(json, ORDER_DATES, ['liquidStrengthMgPerMl']);
    trialOrders.push(order);
    linesOf(ctx).prime(order.id, lines.map(orderLineOf));
    signaturesOf(ctx).prime(order.id, signature === null ? null : orderSignatureOf(signature));
    organisationName(ctx).prime(order.pharmacyId, (pharmacy as { id: string; name: string } | null) ?? null);
  }
  ordersOfTrial(ctx).prime(trial.id, trialOrders);

  const linkLoaders = patientLinkLoaders(ctx);
  linkLoaders.links.prime(
    trial.id,
    links.map((k) => revive<PatientLink>(k, ['createdAt', 'expiresAt', 'revokedAt', 'lockedAt'])),
  );
  linkLoaders.reports.prime(
    trial.id,
    reports.map((r) => revive<PatientReport>(r, ['evening', 'submittedAt', 'replacedAt'], ['doseMg'])),
  );
  linkLoaders.nightsSupplied.prime(
    trial.id,
    nightsSupplied === null ? null : { trialId: trial.id, nights: nightsSupplied },
  );
  const names = userNames(ctx);
  for (const user of users) names.prime(user.id, user);
  return trial;
}
