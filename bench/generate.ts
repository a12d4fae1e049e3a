import type { PrismaClient } from '../prisma/src/index.ts';

// Realistic continuation data, made by the database itself (INSERT … SELECT generate_series), so
// 100,000 trials take seconds. Ids are md5 hashes of a sequence number: batches can be added later
// (trials 1…1,000, then 1,001…10,000, …) and refer to each other without reading anything back.

export const CLINICS = 50;
export const PRESCRIBERS_PER_CLINIC = 5;
/** Trials start over the two years before the report date. */
export const START_SPREAD_DAYS = 730;

/** The network, its clinics and their prescribers. */
export async function generateNetwork(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "Organisation" (id, kind, name, "updatedAt")
    SELECT md5('clinic-' || c)::uuid, 'CLINIC'::"OrganisationKind", 'Clinic ' || lpad(c::text, 2, '0'), now()
    FROM generate_series(0, ${CLINICS - 1}) c
    UNION ALL SELECT md5('network')::uuid, 'NETWORK'::"OrganisationKind", 'Network', now()`;
  await prisma.$executeRaw`
    INSERT INTO "User" (id, "organisationId", email, name, role, npi, "updatedAt")
    SELECT md5('prescriber-' || p)::uuid, md5('clinic-' || (p / ${PRESCRIBERS_PER_CLINIC}))::uuid,
           'prescriber-' || p || '@bench.test', 'Dr Prescriber ' || lpad(p::text, 3, '0'), 'CLINICIAN'::"Role",
           '1234567893', now()
    FROM generate_series(0, ${CLINICS * PRESCRIBERS_PER_CLINIC - 1}) p`;
}

/**
 * Trials `from`…`to` (one patient each) as of `asOf`: conditions weighted towards fibromyalgia
 * and MS; time to discontinuation a mixture of early intolerance (25 %, first 6 weeks), stops at
 * the assessment window (30 %, days 56–120) and a long tail (mean 400 days); a baseline pain score,
 * an assessment for trials that reached the window, adverse effects in about 32 %; 1 % entered in
 * error (started by mistake), which every report leaves out.
 */
export async function generateTrials(
  prisma: PrismaClient,
  from: number,
  to: number,
  asOf: string,
): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "Patient" (id, "clinicId", mrn, "givenName", "familyName", "dateOfBirth", "updatedAt")
    SELECT md5('patient-' || g)::uuid, md5('clinic-' || (g % ${CLINICS}))::uuid, 'B-' || g, 'Bench',
           'Patient ' || g, DATE '1950-01-01' + (g % 15000), now()
    FROM generate_series(${from}::int, ${to}::int) g`;
  await prisma.$executeRaw`
    WITH drawn AS (
      SELECT g, random() AS phase,
             CAST(${asOf} AS date) - floor(random() * ${START_SPREAD_DAYS})::int AS start,
             4 + floor(random() * 7)::int AS baseline,
             (ARRAY['FIBROMYALGIA','FIBROMYALGIA','FIBROMYALGIA','MULTIPLE_SCLEROSIS','MULTIPLE_SCLEROSIS','CRPS',
                    'CROHNS_DISEASE','PAINFUL_DIABETIC_NEUROPATHY','NEUROPATHIC_CORNEAL_PAIN','OTHER_CHRONIC_PAIN'])
               [1 + floor(random() * 10)::int] AS condition,
             random() AS pick
      FROM generate_series(${from}::int, ${to}::int) g
    ), timed AS (
      SELECT *,
             CASE WHEN phase < 0.25 THEN floor(random() * 42)
                  WHEN phase < 0.55 THEN 56 + floor(random() * 64)
                  ELSE 120 + floor(-ln(1 - random()) * 400) END::int AS duration
      FROM drawn
    )
    INSERT INTO "Trial" (id, "patientId", "clinicId", "prescriberId", condition, state, "startDate", "startDoseMg",
                         "baselineScore", "baselineScoredOn", policy, "endedOn", "discontinuationReason", "updatedAt")
    SELECT md5('trial-' || g)::uuid, md5('patient-' || g)::uuid, md5('clinic-' || (g % ${CLINICS}))::uuid,
           md5('prescriber-' || ((g % ${CLINICS}) * ${PRESCRIBERS_PER_CLINIC} + (g / ${CLINICS}) % ${PRESCRIBERS_PER_CLINIC}))::uuid,
           condition::"Condition",
           CASE WHEN ended THEN 'DISCONTINUED' ELSE 'CONTINUING' END::"TrialState",
           start, 1.5, baseline, start - 1, '{}',
           CASE WHEN ended THEN start + duration END,
           CASE WHEN NOT ended THEN NULL
                WHEN phase < 0.25 THEN (ARRAY['ADVERSE_EFFECTS','ADVERSE_EFFECTS','ADVERSE_EFFECTS','PATIENT_CHOICE','OPIOID_NEEDED'])[1 + floor(pick * 5)::int]
                WHEN phase < 0.55 THEN (ARRAY['INEFFECTIVE','INEFFECTIVE','INEFFECTIVE','COST_NOT_COVERED','PATIENT_CHOICE'])[1 + floor(pick * 5)::int]
                ELSE (ARRAY['LOST_TO_FOLLOW_UP','COST_NOT_COVERED','INEFFECTIVE','OTHER','OPIOID_NEEDED'])[1 + floor(pick * 5)::int]
           END::"DiscontinuationReason",
           now()
    FROM (SELECT *, start + duration <= CAST(${asOf} AS date) AS ended FROM timed) t`;
  await prisma.$executeRaw`
    INSERT INTO "SymptomScore" (id, "patientId", measure, "scoredOn", score, "recordedById")
    SELECT gen_random_uuid(), t."patientId", 'PAIN_NRS', t."baselineScoredOn", t."baselineScore", t."prescriberId"
    FROM generate_series(${from}::int, ${to}::int) g JOIN "Trial" t ON t.id = md5('trial-' || g)::uuid`;
  // The assessment, 8–12 weeks in, for trials that reached the window; relative reduction −30 … +55 %.
  await prisma.$executeRaw`
    WITH due AS (
      SELECT t.id, t."prescriberId", t."baselineScore" AS baseline,
             LEAST(t."startDate" + 56 + floor(random() * 28)::int, COALESCE(t."endedOn", CAST(${asOf} AS date))) AS on_day,
             CAST(-0.3 + random() * 0.85 AS numeric) AS reduction
      FROM generate_series(${from}::int, ${to}::int) g JOIN "Trial" t ON t.id = md5('trial-' || g)::uuid
      WHERE COALESCE(t."endedOn", CAST(${asOf} AS date)) >= t."startDate" + 56
    )
    INSERT INTO "Assessment" (id, "trialId", "assessedOn", "baselineScore", "meanScore", "relativeReduction",
                              "responseClass", decision, "assessedById")
    SELECT gen_random_uuid(), id, on_day, baseline, round(baseline * (1 - reduction), 3),
           round((baseline - round(baseline * (1 - reduction), 3)) / baseline, 4),
           CASE WHEN reduction >= 0.5 THEN 'SUBSTANTIAL' WHEN reduction >= 0.3 THEN 'MEANINGFUL'
                WHEN reduction >= 0.1 THEN 'MINIMAL' ELSE 'NONE' END::"ResponseClass",
           'CONTINUE', "prescriberId"
    FROM due`;
  await prisma.$executeRaw`
    INSERT INTO "AdverseEffect" (id, "trialId", kind, "onsetOn", severity, action, "recordedById")
    SELECT gen_random_uuid(), t.id,
           (enum_range(NULL::"AdverseEffectKind"))[1 + floor(random() * 7)::int],
           LEAST(t."startDate" + floor(random() * 30)::int, COALESCE(t."endedOn", CAST(${asOf} AS date))),
           (enum_range(NULL::"AdverseEffectSeverity"))[1 + floor(random() * 3)::int], 'NONE', t."prescriberId"
    FROM generate_series(${from}::int, ${to}::int) g JOIN "Trial" t ON t.id = md5('trial-' || g)::uuid
    WHERE random() < 0.32`;
  // Trials started by mistake, marked entered in error the next day (workflows.md, corrections).
  await prisma.$executeRaw`
    UPDATE "Trial" t
    SET "enteredInErrorAt" = t."startDate" + 1, "enteredInErrorById" = t."prescriberId",
        "enteredInErrorReason" = 'Started for the wrong patient'
    FROM generate_series(${from}::int, ${to}::int) g
    WHERE t.id = md5('trial-' || g)::uuid AND g % 100 = 0`;
  await prisma.$executeRaw`ANALYZE`;
}
