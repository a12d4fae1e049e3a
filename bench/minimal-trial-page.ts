import {
  adherenceOf,
  type ClinicPolicyInput,
  compareDates,
  DEFAULT_POLICY,
  definePolicy,
  type IsoDate,
  laterOf,
  type TrialHistory,
} from '../shared/src/index.ts';
import { type Asker, isoInstant, nameOf, type Query, statusOf } from './minimal-sql.ts';

// The trial page of the minimal endpoint (minimal-endpoint.ts): the same JSON as the portal's
// `trial` document, from one hand-written statement — the trial, everything its page shows, and the
// audit row of the read (a data-modifying CTE) — and the rules package for the derived fields.

const CORRECTION_FIELDS = (alias: string) => `'enteredInError', ${alias}."enteredInErrorAt" IS NOT NULL,
    'enteredInErrorAt', ${isoInstant(`${alias}."enteredInErrorAt"`)},
    'enteredInErrorByName', ${nameOf(`${alias}."enteredInErrorById"`, true)},
    'enteredInErrorReason', ${alias}."enteredInErrorReason"`;

/** A list of `table` rows of the trial as JSON objects, in `order`. */
const listOf = (
  table: string,
  alias: string,
  fields: string,
  order: string,
  where = `${alias}."trialId" = t.id`,
) =>
  `COALESCE((SELECT json_agg(json_build_object(${fields}) ORDER BY ${order}) FROM "${table}" ${alias} WHERE ${where}), '[]')`;

// $1 trial, $2 clinic, $3 the person reading, $4 request id, $5 now, $6 the clinic's time zone.
const TRIAL_PAGE_SQL = `
  WITH t AS (SELECT * FROM "Trial" WHERE id = $1::uuid AND "clinicId" = $2::uuid),
  audited AS (
    INSERT INTO "AuditLog" ("actorId", "organisationId", action, entity, "entityId", "requestId")
    SELECT $3::uuid, $2::uuid, 'READ', 'Trial', t.id::text, $4 FROM t
  ),
  k AS (SELECT * FROM "PatientLink" WHERE "trialId" = $1::uuid)
  SELECT t.policy, json_build_object(
    'id', t.id, 'condition', t.condition, 'state', t.state, 'startDate', t."startDate",
    'startDoseMg', t."startDoseMg", 'endedOn', t."endedOn", 'prescriber', ${nameOf('t."prescriberId"')},
    'maintenanceDoseMg', t."maintenanceDoseMg", 'maintenanceDeclaredOn', t."maintenanceDeclaredOn",
    'discontinuationReason', t."discontinuationReason", 'discontinuationNote', t."discontinuationNote",
    'version', t.version, ${CORRECTION_FIELDS('t')},
    'patient', (SELECT json_build_object('id', p.id, 'givenName', p."givenName", 'familyName', p."familyName",
                                         'mrn', p.mrn, 'dateOfBirth', p."dateOfBirth")
                FROM "Patient" p WHERE p.id = t."patientId"),
    'baseline', json_build_object('date', t."baselineScoredOn", 'score', t."baselineScore"),
    'doseChanges', ${listOf('DoseChange', 'd', `'id', d.id, 'changedOn', d."changedOn", 'doseMg', d."doseMg", 'note', d.note, ${CORRECTION_FIELDS('d')}`, 'd."changedOn"')},
    'holds', ${listOf('TrialHold', 'h', `'id', h.id, 'heldOn', h."heldOn", 'resumedOn', h."resumedOn", 'reason', h.reason, 'note', h.note`, 'h."heldOn"')},
    'overrides', ${listOf('Override', 'v', `'id', v.id, 'action', v.action, 'code', v.code, 'reason', v.reason, 'givenBy', ${nameOf('v."givenById"')}, 'givenAt', ${isoInstant('v."givenAt"')}`, 'v."givenAt"')},
    'warnings', ${listOf('TrialWarning', 'w', `'code', w.code, 'message', w.message, 'severity', 'WARNING', 'createdAt', ${isoInstant('w."createdAt"')}`, 'w."createdAt"')},
    'adverseEffects', ${listOf(
      'AdverseEffect',
      'e',
      `'id', e.id, 'kind', e.kind, 'description', e.description, 'onsetOn', e."onsetOn", 'severity', e.severity,
       'action', e.action, 'source', e.source, 'reviewedAt', ${isoInstant('e."reviewedAt"')}, ${CORRECTION_FIELDS('e')}`,
      'e."onsetOn"',
    )},
    'assessments', ${listOf(
      'Assessment',
      'a',
      `'id', a.id, 'assessedOn', a."assessedOn", 'assessedBy', ${nameOf('a."assessedById"')}, 'baselineScore', a."baselineScore",
       'meanScore', a."meanScore", 'relativeReduction', a."relativeReduction", 'responseClass', a."responseClass",
       'decision', a.decision, 'discontinuationReason', a."discontinuationReason", 'note', a.note, ${CORRECTION_FIELDS('a')}`,
      'a."assessedOn"',
    )},
    'orders', ${listOf(
      'Order',
      'o',
      `'id', o.id, 'state', o.state, 'stateBeforeHold', o."stateBeforeHold", 'kind', o.kind, 'formulation', o.formulation,
       'pharmacyName', COALESCE((SELECT f.name FROM "Organisation" f WHERE f.id = o."pharmacyId"), ''),
       'submittedAt', ${isoInstant('o."submittedAt"')}, 'dispensedOn', o."dispensedOn", 'rejectionReason', o."rejectionReason",
       'lines', ${listOf(
         'OrderLine',
         'l',
         `'sequence', l.sequence, 'nightlyDoseMg', l."nightlyDoseMg", 'strength', l.strength, 'strengthUnit', l."strengthUnit",
          'quantity', l.quantity, 'quantityUnit', l."quantityUnit", 'daysSupply', l."daysSupply", 'startsOn', l."startsOn"`,
         'l.sequence',
         'l."orderId" = o.id',
       )}`,
      'o."createdAt" DESC',
    )},
    'painScores', ${listOf(
      'SymptomScore',
      's',
      `'id', s.id, 'scoredOn', s."scoredOn", 'score', s.score, 'source', s.source`,
      's."scoredOn"',
      `s."patientId" = t."patientId" AND s.measure = 'PAIN_NRS' AND s."enteredInErrorAt" IS NULL AND s."scoredOn" >= t."baselineScoredOn"`,
    )},
    'patientLink', (SELECT json_build_object(
        'id', k.id,
        'state', CASE WHEN k."revokedAt" IS NOT NULL THEN 'REVOKED' WHEN k."lockedAt" IS NOT NULL THEN 'LOCKED'
                      WHEN t."enteredInErrorAt" IS NOT NULL OR t."endedOn" IS NOT NULL OR t.state = 'DISCONTINUED' THEN 'TRIAL_ENDED'
                      WHEN k."expiresAt" <= $5::timestamptz THEN 'EXPIRED' ELSE 'ACTIVE' END,
        'createdAt', ${isoInstant('k."createdAt"')}, 'createdByName', ${nameOf('k."createdById"')},
        'expiresAt', ${isoInstant('k."expiresAt"')}, 'revokedAt', ${isoInstant('k."revokedAt"')}, 'lockedAt', ${isoInstant('k."lockedAt"')})
      FROM k ORDER BY k."createdAt" DESC LIMIT 1),
    'adherence', CASE WHEN EXISTS (SELECT FROM k) THEN json_build_object(
      'firstLinkOn', (SELECT to_char(min(k."createdAt") AT TIME ZONE $6, 'YYYY-MM-DD') FROM k),
      'nightsSupplied', (SELECT COALESCE(sum(l."daysSupply"), 0) FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o.id
                         WHERE o."trialId" = t.id AND o.state = 'DISPENSED'),
      'reports', ${listOf(
        'PatientReport',
        'r',
        `'id', r.id, 'evening', r.evening, 'late', r.late, 'doseTaken', r."doseTaken", 'doseMg', r."doseMg"`,
        'r.evening DESC',
        'r."trialId" = t.id AND r."replacedAt" IS NULL',
      )}) END
  ) AS page
  FROM t`;

/** A patient's report of an evening, as the page lists it. */
interface ReportRow {
  id: string;
  evening: IsoDate;
  late: boolean;
  doseTaken: string;
  doseMg: number | null;
}

interface PageRow {
  policy: unknown;
  page: {
    startDate: IsoDate;
    endedOn: IsoDate | null;
    maintenanceDoseMg: number | null;
    maintenanceDeclaredOn: IsoDate | null;
    enteredInError: boolean;
    doseChanges: { changedOn: IsoDate; doseMg: number; enteredInError: boolean }[];
    holds: { heldOn: IsoDate; resumedOn: IsoDate | null }[];
    assessments: {
      assessedOn: IsoDate;
      decision: TrialHistory['assessments'][number]['decision'];
      enteredInError: boolean;
    }[];
    orders: { lines: { daysSupply: number }[] }[];
    adherence: { firstLinkOn: IsoDate; nightsSupplied: number; reports: ReportRow[] } | null;
    [field: string]: unknown;
  };
}

/** The policy a trial started under, as the API shows it (trials/clinic-policy.ts policyFromJson). */
function policyOf(json: unknown) {
  const changesNothing =
    json === null || typeof json !== 'object' || Array.isArray(json) || Object.keys(json).length === 0;
  const policy = changesNothing ? DEFAULT_POLICY : definePolicy(json as ClinicPolicyInput);
  const { name, overrideReasonMinimumWords, responseThresholdsPercent } = policy;
  return { name, overrideReasonMinimumWords, responseThresholdsPercent: { ...responseThresholdsPercent } };
}

/** The trial page as the GraphQL `trial` field answers it; null when the clinic has no such trial. */
export async function minimalTrialPage(
  query: Query,
  asker: Asker,
  trialId: string,
  requestId: string,
  now: Date,
  asOf: IsoDate,
  timeZone: string,
): Promise<Record<string, unknown> | null> {
  const [row] = await query<PageRow>(TRIAL_PAGE_SQL, [
    trialId,
    asker.organisationId,
    asker.userId,
    requestId,
    now,
    timeZone,
  ]);
  if (row === undefined) return null;
  const { page } = row;
  const history: TrialHistory = {
    startDate: page.startDate,
    doseChanges: page.doseChanges.map((d) => ({
      date: d.changedOn,
      doseMg: d.doseMg,
      enteredInError: d.enteredInError,
    })),
    maintenanceDoseMg: page.maintenanceDoseMg,
    maintenanceDeclaredOn: page.maintenanceDeclaredOn,
    holds: page.holds,
    assessments: page.assessments,
    endedOn: page.endedOn,
    enteredInError: page.enteredInError,
  };
  const { asOf: _, ...status } = statusOf(history, asOf);
  const input = page.adherence;
  const end = page.endedOn !== null && compareDates(page.endedOn, asOf) < 0 ? page.endedOn : asOf;
  return {
    ...page,
    asOf,
    policy: policyOf(row.policy),
    status,
    orders: page.orders.map((order) => ({
      ...order,
      totalDaysSupply: order.lines.reduce((sum, line) => sum + line.daysSupply, 0),
    })),
    adherence:
      input === null
        ? null
        : {
            ...adherenceOf({
              since: laterOf(page.startDate, input.firstLinkOn),
              asOf: end,
              reports: input.reports.map((report) => ({
                evening: report.evening,
                taken: report.doseTaken === 'TAKEN',
              })),
              nightsSupplied: input.nightsSupplied,
            }),
            reports: input.reports,
          },
  };
}
