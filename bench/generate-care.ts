import type { PrismaClient } from '../prisma/src/index.ts';

// The day-to-day records behind a clinic's pages, on top of generate.ts's trials: daily pain
// scores and the pharmacy orders of every trial, made by the database itself (INSERT … SELECT),
// so a network of 100,000 trials gets its millions of rows in seconds.

/** How much care data each trial gets; the defaults give about 48 scores and 2.6 orders a trial. */
export interface CareSizes {
  /** Daily pain scores from the start, for at most this many days of the trial. */
  scoreDays: number;
  /** A refill every this many days of the trial, after the first order at the start. */
  refillEveryDays: number;
}

export const DEFAULT_CARE: CareSizes = { scoreDays: 60, refillEveryDays: 60 };

/** The network's pharmacy, which every clinic sends its orders to. */
export async function generatePharmacy(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "Organisation" (id, kind, name, "updatedAt")
    VALUES (md5('pharmacy')::uuid, 'PHARMACY'::"OrganisationKind", 'Bench Pharmacy', now())`;
}

/**
 * Scores and orders for trials `from`…`to` (generate.ts's numbering) as of `asOf`. Orders: one at
 * the start and a refill every `refillEveryDays` while the trial runs; all dispensed but the
 * latest, which is dispensed (most), in the pharmacy's hands, rejected, on hold or a draft; about
 * 5 % of earlier orders were cancelled. One or two lines of 30 days' supply each.
 */
export async function generateCare(
  prisma: PrismaClient,
  from: number,
  to: number,
  asOf: string,
  sizes: CareSizes = DEFAULT_CARE,
): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "SymptomScore" (id, "patientId", measure, "scoredOn", score, "recordedById")
    SELECT gen_random_uuid(), t."patientId", 'PAIN_NRS', day::date, 1 + floor(random() * 9)::int, t."prescriberId"
    FROM generate_series(${from}::int, ${to}::int) g
    JOIN "Trial" t ON t.id = md5('trial-' || g)::uuid
    CROSS JOIN LATERAL generate_series(
      t."startDate",
      LEAST(COALESCE(t."endedOn", CAST(${asOf} AS date)), CAST(${asOf} AS date), t."startDate" + ${sizes.scoreDays - 1}::int),
      interval '1 day') day`;
  await prisma.$executeRaw`
    WITH span AS (
      SELECT g, t.id, t."patientId", t."clinicId", t."prescriberId", t."startDate", LEAST(COALESCE(t."endedOn", CAST(${asOf} AS date)), CAST(${asOf} AS date)) - t."startDate" AS days
      FROM generate_series(${from}::int, ${to}::int) g JOIN "Trial" t ON t.id = md5('trial-' || g)::uuid
    ), numbered AS (
      SELECT s.*, n, n = s.days / ${sizes.refillEveryDays}::int AS latest, random() AS pick
      FROM span s CROSS JOIN LATERAL generate_series(0, s.days / ${sizes.refillEveryDays}::int) n
    ), stated AS (
      SELECT *, CASE WHEN NOT latest THEN (CASE WHEN pick < 0.05 THEN 'CANCELLED' ELSE 'DISPENSED' END)
                     WHEN pick < 0.70 THEN 'DISPENSED' WHEN pick < 0.85 THEN 'SUBMITTED' WHEN pick < 0.90 THEN 'REJECTED'
                     WHEN pick < 0.95 THEN 'ON_HOLD' ELSE 'DRAFT' END AS state
      FROM numbered
    )
    INSERT INTO "Order" (id, "trialId", "patientId", "clinicId", "pharmacyId", state, "stateBeforeHold", kind, formulation, payment,
                         delivery, "prescriberId", "prescriberName", "prescriberNpi", "submittedAt", "dispensedOn",
                         "rejectionReason", "createdById", "createdAt", "updatedAt")
    SELECT md5('order-' || g || '-' || n)::uuid, id, "patientId", "clinicId", md5('pharmacy')::uuid,
           state::"OrderState", CASE WHEN state = 'ON_HOLD' THEN 'SUBMITTED' END::"OrderState",
           (CASE WHEN n = 0 THEN 'TITRATION_PACK' ELSE 'SINGLE_STRENGTH' END)::"OrderKind", 'CAPSULE', 'SELF_PAY',
           'PICKUP', "prescriberId", 'Dr Prescriber', '1234567893',
           CASE WHEN state <> 'DRAFT' THEN ("startDate" + n * ${sizes.refillEveryDays}::int)::timestamptz END,
           CASE WHEN state = 'DISPENSED' THEN "startDate" + n * ${sizes.refillEveryDays}::int + 2 END,
           CASE WHEN state = 'REJECTED' THEN 'Out of stock' END,
           "prescriberId", ("startDate" + n * ${sizes.refillEveryDays}::int)::timestamptz,
           ("startDate" + n * ${sizes.refillEveryDays}::int + 2)::timestamptz
    FROM stated`;
  await prisma.$executeRaw`
    INSERT INTO "OrderLine" (id, "orderId", sequence, "nightlyDoseMg", strength, "strengthUnit", quantity,
                             "quantityUnit", "amountPerNight", "daysSupply", directions)
    SELECT gen_random_uuid(), o.id, line, 1.5 * line, 1.5, 'mg', 30 * line, 'capsules', line, 30,
           'Take at night'
    FROM generate_series(${from}::int, ${to}::int) g
    JOIN "Order" o ON o."trialId" = md5('trial-' || g)::uuid
    CROSS JOIN LATERAL generate_series(1, CASE WHEN o.kind = 'TITRATION_PACK' THEN 2 ELSE 1 END) line`;
  await prisma.$executeRaw`ANALYZE`;
}
