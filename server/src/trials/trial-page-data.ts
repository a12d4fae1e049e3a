import type {
  AdverseEffect,
  Order,
  OrderLine,
  OrderSignature,
  Override,
  PatientLink,
  PatientReport,
  SymptomScore,
  Trial,
  TrialWarning,
} from '@ldn/db';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import type { LoaderSource } from '../access/loaders.ts';
import { userNames } from '../graphql/user-names.ts';
import { linesOf, ordersOfTrial, organisationName } from '../orders/order.loaders.ts';
import { signaturesOf, signedPatientsOf } from '../orders/order-signature.ts';
import { patientLinkLoaders } from '../patient-link/patient-adherence.ts';
import {
  assessmentOf,
  doseChangeOf,
  holdOf,
  type Json,
  patientOf,
  revive,
  withDecimalsAsText,
} from './json-rows.ts';
import { trialLoaders } from './trial.loaders.ts';

// What the trial page reads of a trial, in one statement (issues #16, #17): its events, patient,
// overrides, warnings, adverse effects, pain scores, orders with their lines, signatures and
// pharmacies, its patient links and reports, the nights dispensed, and the names of who did what.
// Each batched loader would be a statement of its own, and under row-level security each costs an
// access statement and its policy; primed here, the page's field resolvers read nothing more. Each
// part reads by an index of its table, so the cost does not grow with the number of records; each
// table is named once (the CTEs), as row-level security plans a policy for every mention.

interface Row {
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
const LINE_DECIMALS = ['nightlyDoseMg', 'strength', 'quantity', 'amountPerNight'];

/** Reads the page's records of a trial already reached through the clinic scope, and primes the loaders. */
export async function loadTrialPageData(scope: ClinicRepository, trial: Trial): Promise<void> {
  const id = trial.id;
  const [row] = await scope.read(
    (client) => client.$queryRaw<Row[]>`
    WITH d AS MATERIALIZED (SELECT * FROM "DoseChange" WHERE "trialId" = ${id}::uuid),
      a AS MATERIALIZED (SELECT * FROM "Assessment" WHERE "trialId" = ${id}::uuid),
      v AS MATERIALIZED (SELECT * FROM "Override" WHERE "trialId" = ${id}::uuid),
      e AS MATERIALIZED (SELECT * FROM "AdverseEffect" WHERE "trialId" = ${id}::uuid),
      k AS MATERIALIZED (SELECT * FROM "PatientLink" WHERE "trialId" = ${id}::uuid),
      o AS MATERIALIZED (SELECT * FROM "Order" WHERE "trialId" = ${id}::uuid),
      l AS MATERIALIZED (SELECT * FROM "OrderLine" WHERE "orderId" IN (SELECT id FROM o)),
      named AS (
        SELECT ${trial.prescriberId}::uuid AS id
        UNION SELECT ${trial.enteredInErrorById}::uuid
        UNION SELECT "enteredInErrorById" FROM d
        UNION SELECT "enteredInErrorById" FROM e
        UNION SELECT "assessedById" FROM a
        UNION SELECT "enteredInErrorById" FROM a
        UNION SELECT "givenById" FROM v
        UNION SELECT "createdById" FROM k
      )
    SELECT
      COALESCE((SELECT jsonb_agg(${withDecimalsAsText('d', ['doseMg'])} ORDER BY d."changedOn") FROM d), '[]')
        AS "doseChanges",
      COALESCE((SELECT jsonb_agg(to_jsonb(h) ORDER BY h."heldOn")
                FROM "TrialHold" h WHERE h."trialId" = ${id}::uuid), '[]') AS holds,
      COALESCE((SELECT jsonb_agg(${withDecimalsAsText('a', ['meanScore', 'relativeReduction'])} ORDER BY a."assessedOn")
                FROM a), '[]') AS assessments,
      COALESCE((SELECT jsonb_agg(to_jsonb(v) ORDER BY v."givenAt") FROM v), '[]') AS overrides,
      COALESCE((SELECT jsonb_agg(to_jsonb(w) ORDER BY w."createdAt")
                FROM "TrialWarning" w WHERE w."trialId" = ${id}::uuid), '[]') AS warnings,
      COALESCE((SELECT jsonb_agg(to_jsonb(e) ORDER BY e."onsetOn") FROM e), '[]') AS "adverseEffects",
      (SELECT to_jsonb(p) FROM "Patient" p WHERE p.id = ${trial.patientId}::uuid) AS patient,
      COALESCE((SELECT jsonb_agg(to_jsonb(s) ORDER BY s."scoredOn")
                FROM "SymptomScore" s
                WHERE s."patientId" = ${trial.patientId}::uuid AND s.measure = 'PAIN_NRS'
                  AND s."enteredInErrorAt" IS NULL), '[]') AS "painScores",
      COALESCE((SELECT jsonb_agg(jsonb_build_object(
                  'order', ${withDecimalsAsText('o', ['liquidStrengthMgPerMl'])},
                  'lines', COALESCE((SELECT jsonb_agg(${withDecimalsAsText('l', LINE_DECIMALS)} ORDER BY l.sequence)
                                     FROM l WHERE l."orderId" = o.id), '[]'),
                  'signature', (SELECT to_jsonb(g) FROM "OrderSignature" g WHERE g."orderId" = o.id),
                  'pharmacy', (SELECT jsonb_build_object('id', f.id, 'name', f.name)
                               FROM "Organisation" f WHERE f.id = o."pharmacyId")
                ) ORDER BY o."createdAt" DESC) FROM o), '[]') AS orders,
      COALESCE((SELECT jsonb_agg(to_jsonb(k) ORDER BY k."createdAt") FROM k), '[]') AS links,
      COALESCE((SELECT jsonb_agg(${withDecimalsAsText('r', ['doseMg'])} ORDER BY r.evening DESC)
                FROM "PatientReport" r WHERE r."trialId" = ${id}::uuid AND r."replacedAt" IS NULL), '[]') AS reports,
      (SELECT sum(l."daysSupply")::int FROM o JOIN l ON l."orderId" = o.id WHERE o.state = 'DISPENSED')
        AS "nightsSupplied",
      COALESCE((SELECT jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name))
                FROM "User" u WHERE u.id IN (SELECT id FROM named)), '[]') AS users`,
  );
  if (row !== undefined) prime(scope, trial, row);
}

/** Puts each part in the loader its field resolver reads, in the types the Prisma client reads. */
function prime(ctx: LoaderSource, trial: Trial, row: Row): void {
  const loaders = trialLoaders(ctx);
  loaders.doseChanges.prime(trial.id, row.doseChanges.map(doseChangeOf));
  loaders.holds.prime(trial.id, row.holds.map(holdOf));
  loaders.assessments.prime(trial.id, row.assessments.map(assessmentOf));
  loaders.overrides.prime(
    trial.id,
    row.overrides.map((v) => revive<Override>(v, ['givenAt'])),
  );
  loaders.warnings.prime(
    trial.id,
    // A list column left NULL the Prisma client reads as an empty list.
    row.warnings.map((w) => revive<TrialWarning>({ ...w, evidence: w.evidence ?? [] }, ['createdAt'])),
  );
  loaders.adverseEffects.prime(
    trial.id,
    row.adverseEffects.map((e) =>
      revive<AdverseEffect>(e, ['onsetOn', 'reviewedAt', 'enteredInErrorAt', 'createdAt']),
    ),
  );
  loaders.painScores.prime(
    trial.patientId,
    row.painScores.map((s) => revive<SymptomScore>(s, ['scoredOn', 'enteredInErrorAt', 'createdAt'])),
  );
  if (row.patient !== null) {
    const patient = patientOf(row.patient);
    loaders.patients.prime(trial.patientId, patient);
    const { id, mrn, givenName, familyName, dateOfBirth } = patient;
    signedPatientsOf(ctx).prime(trial.patientId, { id, mrn, givenName, familyName, dateOfBirth });
  }

  const orders: Order[] = [];
  for (const { order: json, lines, signature, pharmacy } of row.orders) {
    const order = revive<Order>(json, ORDER_DATES, ['liquidStrengthMgPerMl']);
    orders.push(order);
    linesOf(ctx).prime(
      order.id,
      lines.map((l) => revive<OrderLine>(l, ['startsOn', 'beyondUseDate'], LINE_DECIMALS)),
    );
    signaturesOf(ctx).prime(
      order.id,
      signature === null ? null : revive<OrderSignature>(signature, ['signedAt']),
    );
    organisationName(ctx).prime(order.pharmacyId, (pharmacy as { id: string; name: string } | null) ?? null);
  }
  ordersOfTrial(ctx).prime(trial.id, orders);

  const links = patientLinkLoaders(ctx);
  links.links.prime(
    trial.id,
    row.links.map((k) => revive<PatientLink>(k, ['createdAt', 'expiresAt', 'revokedAt', 'lockedAt'])),
  );
  links.reports.prime(
    trial.id,
    row.reports.map((r) => revive<PatientReport>(r, ['evening', 'submittedAt', 'replacedAt'], ['doseMg'])),
  );
  links.nightsSupplied.prime(
    trial.id,
    row.nightsSupplied === null ? null : { trialId: trial.id, nights: row.nightsSupplied },
  );
  const names = userNames(ctx);
  for (const user of row.users) names.prime(user.id, user);
}
