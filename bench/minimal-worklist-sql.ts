import {
  type IsoDate,
  RESPONSE_WINDOW_DAYS,
  type ScoreSource,
  type TrialHistory,
  type TrialState,
} from '../shared/src/index.ts';
import { isoInstant, TRIAL_HISTORY, utcDate } from './minimal-sql.ts';

// The minimal endpoint's worklist statement: per trial of the clinic that has not ended (and per
// ended one a draft was left on) its history, patient, latest order, drafts, medications to review,
// patient-reported side effects and, with a live patient link, what the link's lines need.

/** A trial the worklist lists, with all it reads of it. */
export interface TrialRow {
  id: string;
  active: boolean;
  condition: string;
  state: TrialState;
  patientId: string;
  patient: { id: string; givenName: string; familyName: string; mrn: string };
  history: TrialHistory;
  latestOrder: {
    id: string;
    state: string;
    updatedOn: IsoDate;
    rejectionReason: string | null;
    dispensedOn: IsoDate | null;
    daysSupply: number;
  } | null;
  drafts: { id: string; createdAt: string; createdOn: IsoDate; preparedBy: string | null }[] | null;
  medications: { id: string; patientId: string; drug: string; createdAt: string }[] | null;
  patientEffects: { onsetOn: IsoDate }[] | null;
  liveLink: {
    firstLinkOn: IsoDate;
    reports: { evening: IsoDate; taken: boolean }[];
    nightsSupplied: number;
    scores: { date: IsoDate; source: ScoreSource }[];
  } | null;
}

/** One row per listed trial, oldest start first. $1 clinic, $2 now, $3 today, $4 the clinic's time zone. */
export const WORKLIST_SQL = `
  WITH active AS (
    SELECT t.id FROM "Trial" t
    WHERE t."clinicId" = $1::uuid AND t."enteredInErrorAt" IS NULL AND t."endedOn" IS NULL AND t.state <> 'DISCONTINUED'
  ),
  draft AS (
    SELECT o.id, o."trialId", o."createdAt", u.name AS "preparedBy"
    FROM "Order" o LEFT JOIN "User" u ON u.id = o."createdById"
    WHERE o."clinicId" = $1::uuid AND o.state = 'DRAFT'
  ),
  listed AS (
    SELECT id, true AS active FROM active
    UNION ALL
    SELECT t.id, false FROM "Trial" t
    WHERE t.id IN (SELECT "trialId" FROM draft) AND t.id NOT IN (SELECT id FROM active)
      AND t."clinicId" = $1::uuid AND t."enteredInErrorAt" IS NULL
  )
  SELECT t.id, l.active, t.condition, t.state, t."patientId",
    json_build_object('id', p.id, 'givenName', p."givenName", 'familyName', p."familyName", 'mrn', p.mrn) AS patient,
    ${TRIAL_HISTORY} AS history,
    CASE WHEN l.active THEN (
      SELECT json_build_object('id', o.id, 'state', o.state, 'updatedOn', ${utcDate('o."updatedAt"')},
                               'rejectionReason', o."rejectionReason", 'dispensedOn', o."dispensedOn",
                               'daysSupply', (SELECT COALESCE(sum(ol."daysSupply"), 0) FROM "OrderLine" ol WHERE ol."orderId" = o.id))
      FROM "Order" o
      WHERE o."trialId" = t.id AND o."clinicId" = $1::uuid AND o.state <> 'CANCELLED'
      ORDER BY o."createdAt" DESC, o.id DESC LIMIT 1) END AS "latestOrder",
    (SELECT json_agg(json_build_object('id', d.id, 'createdAt', ${isoInstant('d."createdAt"')},
                                       'createdOn', ${utcDate('d."createdAt"')}, 'preparedBy', d."preparedBy")
                     ORDER BY d."createdAt", d.id)
     FROM draft d WHERE d."trialId" = t.id) AS drafts,
    CASE WHEN l.active THEN (
      SELECT json_agg(json_build_object('id', m.id, 'patientId', m."patientId", 'drug', m.drug,
                                        'createdAt', ${isoInstant('m."createdAt"')}))
      FROM "Medication" m
      WHERE m."patientId" = t."patientId" AND m."needsReview" AND m."stoppedOn" IS NULL AND m."enteredInErrorAt" IS NULL
    ) END AS medications,
    CASE WHEN l.active THEN (
      SELECT json_agg(json_build_object('onsetOn', e."onsetOn"))
      FROM "AdverseEffect" e
      WHERE e."trialId" = t.id AND e.source = 'PATIENT' AND e."reviewedAt" IS NULL AND e."enteredInErrorAt" IS NULL
    ) END AS "patientEffects",
    CASE WHEN l.active AND EXISTS (
      SELECT FROM "PatientLink" k
      WHERE k."trialId" = t.id AND k."revokedAt" IS NULL AND k."lockedAt" IS NULL AND k."expiresAt" > $2::timestamptz
    ) THEN json_build_object(
      'firstLinkOn', (SELECT to_char(min(k."createdAt") AT TIME ZONE $4, 'YYYY-MM-DD') FROM "PatientLink" k WHERE k."trialId" = t.id),
      'reports', COALESCE((SELECT json_agg(json_build_object('evening', r.evening, 'taken', r."doseTaken" = 'TAKEN'))
                           FROM "PatientReport" r WHERE r."trialId" = t.id AND r."replacedAt" IS NULL), '[]'),
      'nightsSupplied', (SELECT COALESCE(sum(ol."daysSupply"), 0) FROM "Order" o JOIN "OrderLine" ol ON ol."orderId" = o.id
                         WHERE o."trialId" = t.id AND o.state = 'DISPENSED'),
      'scores', COALESCE((SELECT json_agg(json_build_object('date', s."scoredOn", 'source', s.source))
                          FROM "SymptomScore" s
                          WHERE s."patientId" = t."patientId" AND s.measure = 'PAIN_NRS' AND s."enteredInErrorAt" IS NULL
                            AND s."scoredOn" BETWEEN $3::date - ${RESPONSE_WINDOW_DAYS - 1} AND $3::date), '[]')
    ) END AS "liveLink"
  FROM listed l JOIN "Trial" t ON t.id = l.id JOIN "Patient" p ON p.id = t."patientId"
  ORDER BY t."startDate", t.id`;
