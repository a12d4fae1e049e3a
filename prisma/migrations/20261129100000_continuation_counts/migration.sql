-- The continuation report's counts, kept up to date as trials change (issue #16): the whole
-- network's report reads these (a few rows per group and day) instead of re-reading every trial,
-- its latest assessment and its adverse effects. They must give exactly what the per-trial
-- statement gives (server/src/analytics/continuation-queries.ts), so they are kept by the database
-- itself, in the transaction of the change, whatever writes it:
--   "TrialFact"                one row per counted trial (not entered in error): what the report
--                              reads of it, with the latest date it depends on ("datedThrough");
--   "ContinuationEndedCount"   ended trials per group and day on therapy (uncapped);
--   "ContinuationActiveCount"  trials still going per group and start date (their day on therapy
--                              depends on the report date, so it is worked out when read);
--   "ContinuationGroupCount"   trials, ended, assessed and summed pain change per group and §8 cell;
--   "ContinuationPatientCount" trials per patient (a group's distinct patients need only the
--                              patients with several);
--   "ContinuationCountsVersion" one row that every change moves on first (see ldn_recount_trials).
-- A report as of a date on or after every fact's "datedThrough" reads them as they are; the few
-- trials dated later (a start planned ahead) are worked out one by one beside them.

-- CreateEnum
CREATE TYPE "ContinuationDimension" AS ENUM ('ALL', 'CONDITION', 'CLINIC', 'PRESCRIBER', 'REASON', 'RESPONSE_CLASS', 'ADVERSE_EFFECT');

-- CreateTable
CREATE TABLE "TrialFact" (
    "trialId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "clinicId" UUID NOT NULL,
    "prescriberId" UUID NOT NULL,
    "condition" "Condition" NOT NULL,
    "startDate" DATE NOT NULL,
    "endedOn" DATE,
    "discontinuationReason" "DiscontinuationReason",
    "baselineScore" SMALLINT NOT NULL,
    "assessedOn" DATE,
    "responseClass" "ResponseClass",
    "meanScore" DECIMAL(5,3),
    "adverseEffectOn" DATE,
    "datedThrough" DATE NOT NULL,

    CONSTRAINT "TrialFact_pkey" PRIMARY KEY ("trialId")
);

-- CreateTable
CREATE TABLE "ContinuationEndedCount" (
    "dimension" "ContinuationDimension" NOT NULL,
    "key" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "trials" INTEGER NOT NULL,

    CONSTRAINT "ContinuationEndedCount_pkey" PRIMARY KEY ("dimension","key","day")
);

-- CreateTable
CREATE TABLE "ContinuationActiveCount" (
    "dimension" "ContinuationDimension" NOT NULL,
    "key" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "trials" INTEGER NOT NULL,

    CONSTRAINT "ContinuationActiveCount_pkey" PRIMARY KEY ("dimension","key","startDate")
);

-- CreateTable
CREATE TABLE "ContinuationGroupCount" (
    "dimension" "ContinuationDimension" NOT NULL,
    "key" TEXT NOT NULL,
    "trials" INTEGER NOT NULL,
    "ended" INTEGER NOT NULL,
    "assessed" INTEGER NOT NULL,
    "painChange" DECIMAL(15,3) NOT NULL,

    CONSTRAINT "ContinuationGroupCount_pkey" PRIMARY KEY ("dimension","key")
);

-- CreateTable
CREATE TABLE "ContinuationPatientCount" (
    "patientId" UUID NOT NULL,
    "trials" INTEGER NOT NULL,

    CONSTRAINT "ContinuationPatientCount_pkey" PRIMARY KEY ("patientId")
);

-- CreateTable
CREATE TABLE "ContinuationCountsVersion" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,

    CONSTRAINT "ContinuationCountsVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrialFact_datedThrough_idx" ON "TrialFact"("datedThrough");

-- CreateIndex
CREATE INDEX "TrialFact_patientId_idx" ON "TrialFact"("patientId");

-- CreateIndex
CREATE INDEX "ContinuationEndedCount_dimension_day_idx" ON "ContinuationEndedCount"("dimension", "day");

-- CreateIndex
CREATE INDEX "ContinuationActiveCount_dimension_startDate_idx" ON "ContinuationActiveCount"("dimension", "startDate");

-- CreateIndex
CREATE INDEX "ContinuationPatientCount_trials_idx" ON "ContinuationPatientCount"("trials");


INSERT INTO "ContinuationCountsVersion" ("id", "version") VALUES (1, 0);

-- The facts of the given trials as their records stand now: none for a trial entered in error (or
-- gone). The latest assessment is the one the per-trial statement picks (assessedOn, then createdAt,
-- then id: a deterministic order even for two assessments saved in one statement).
CREATE FUNCTION "ldn_trial_facts"(trials uuid[]) RETURNS SETOF "TrialFact"
LANGUAGE sql STABLE SET search_path = public AS $$
  SELECT t."id", t."patientId", t."clinicId", t."prescriberId", t."condition", t."startDate", t."endedOn",
         t."discontinuationReason", t."baselineScore", l."assessedOn", l."responseClass", l."meanScore",
         e."onsetOn", GREATEST(t."startDate", t."endedOn", l."assessedOn", e."onsetOn")
  FROM "Trial" t
  LEFT JOIN LATERAL (
    SELECT a."assessedOn", a."responseClass", a."meanScore"
    FROM "Assessment" a
    WHERE a."trialId" = t."id" AND a."enteredInErrorAt" IS NULL
    ORDER BY a."assessedOn" DESC, a."createdAt" DESC, a."id" DESC
    LIMIT 1
  ) l ON true
  LEFT JOIN LATERAL (
    SELECT min(e."onsetOn") AS "onsetOn"
    FROM "AdverseEffect" e
    WHERE e."trialId" = t."id" AND e."enteredInErrorAt" IS NULL
  ) e ON true
  WHERE t."id" = ANY (trials) AND t."enteredInErrorAt" IS NULL
$$;

-- The groups and §8 cells a fact counts in, with what it adds to each: the per-trial statement's
-- groups when the report date is on or after the fact's "datedThrough" ('' for the whole network,
-- no reason, no class).
CREATE FUNCTION "ldn_continuation_keys"(fact "TrialFact")
RETURNS TABLE ("dimension" "ContinuationDimension", "key" text, "ended" boolean, "day" int, "startDate" date,
               "assessed" boolean, "painChange" numeric)
LANGUAGE sql STABLE AS $$
  SELECT k."dimension", k."key", fact."endedOn" IS NOT NULL, fact."endedOn" - fact."startDate", fact."startDate",
         fact."meanScore" IS NOT NULL, fact."meanScore" - fact."baselineScore"
  FROM (VALUES ('ALL'::"ContinuationDimension", ''),
               ('CONDITION', fact."condition"::text),
               ('CLINIC', fact."clinicId"::text),
               ('PRESCRIBER', fact."prescriberId"::text),
               ('REASON', CASE WHEN fact."endedOn" IS NOT NULL THEN COALESCE(fact."discontinuationReason"::text, '') ELSE '' END),
               ('RESPONSE_CLASS', COALESCE(fact."responseClass"::text, '')),
               ('ADVERSE_EFFECT', (fact."adverseEffectOn" IS NOT NULL)::text)) k("dimension", "key")
$$;

-- Applies facts added and taken away to each kept count in one statement per table (+1 for a fact
-- added, −1 for one taken away), a count that reaches zero deleted in the same statement.
CREATE FUNCTION "ldn_count_trial_facts"(added "TrialFact"[], removed "TrialFact"[]) RETURNS void
LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  MERGE INTO "ContinuationEndedCount" n
  USING (SELECT k."dimension", k."key", k."day", sum(c.sign)::int AS trials
         FROM (SELECT 1 AS sign, a AS fact FROM unnest(added) a UNION ALL SELECT -1, r FROM unnest(removed) r) c
         CROSS JOIN LATERAL "ldn_continuation_keys"(c.fact) k
         WHERE k.ended AND k."dimension" IN ('ALL', 'CONDITION', 'CLINIC', 'PRESCRIBER')
         GROUP BY 1, 2, 3 HAVING sum(c.sign) <> 0) d
  ON n."dimension" = d."dimension" AND n."key" = d."key" AND n."day" = d."day"
  WHEN MATCHED AND n."trials" + d.trials = 0 THEN DELETE
  WHEN MATCHED THEN UPDATE SET "trials" = n."trials" + d.trials
  WHEN NOT MATCHED THEN INSERT ("dimension", "key", "day", "trials") VALUES (d."dimension", d."key", d."day", d.trials);

  MERGE INTO "ContinuationActiveCount" n
  USING (SELECT k."dimension", k."key", k."startDate", sum(c.sign)::int AS trials
         FROM (SELECT 1 AS sign, a AS fact FROM unnest(added) a UNION ALL SELECT -1, r FROM unnest(removed) r) c
         CROSS JOIN LATERAL "ldn_continuation_keys"(c.fact) k
         WHERE NOT k.ended AND k."dimension" IN ('ALL', 'CONDITION', 'CLINIC', 'PRESCRIBER')
         GROUP BY 1, 2, 3 HAVING sum(c.sign) <> 0) d
  ON n."dimension" = d."dimension" AND n."key" = d."key" AND n."startDate" = d."startDate"
  WHEN MATCHED AND n."trials" + d.trials = 0 THEN DELETE
  WHEN MATCHED THEN UPDATE SET "trials" = n."trials" + d.trials
  WHEN NOT MATCHED THEN INSERT ("dimension", "key", "startDate", "trials") VALUES (d."dimension", d."key", d."startDate", d.trials);

  MERGE INTO "ContinuationGroupCount" n
  USING (SELECT k."dimension", k."key", sum(c.sign)::int AS trials,
                sum(CASE WHEN k.ended THEN c.sign ELSE 0 END)::int AS ended,
                sum(CASE WHEN k.assessed THEN c.sign ELSE 0 END)::int AS assessed,
                COALESCE(sum(c.sign * k."painChange"), 0) AS pain_change
         FROM (SELECT 1 AS sign, a AS fact FROM unnest(added) a UNION ALL SELECT -1, r FROM unnest(removed) r) c
         CROSS JOIN LATERAL "ldn_continuation_keys"(c.fact) k
         GROUP BY 1, 2) d
  ON n."dimension" = d."dimension" AND n."key" = d."key"
  WHEN MATCHED AND n."trials" + d.trials = 0 THEN DELETE
  WHEN MATCHED THEN UPDATE SET "trials" = n."trials" + d.trials, "ended" = n."ended" + d.ended,
                               "assessed" = n."assessed" + d.assessed, "painChange" = n."painChange" + d.pain_change
  WHEN NOT MATCHED THEN INSERT ("dimension", "key", "trials", "ended", "assessed", "painChange")
                        VALUES (d."dimension", d."key", d.trials, d.ended, d.assessed, d.pain_change);

  MERGE INTO "ContinuationPatientCount" n
  USING (SELECT c."patientId", sum(c.sign)::int AS trials
         FROM (SELECT 1 AS sign, a."patientId" FROM unnest(added) a
               UNION ALL
               SELECT -1, r."patientId" FROM unnest(removed) r) c
         GROUP BY 1 HAVING sum(c.sign) <> 0) d
  ON n."patientId" = d."patientId"
  WHEN MATCHED AND n."trials" + d.trials = 0 THEN DELETE
  WHEN MATCHED THEN UPDATE SET "trials" = n."trials" + d.trials
  WHEN NOT MATCHED THEN INSERT ("patientId", "trials") VALUES (d."patientId", d.trials);
END
$$;

-- Recounts the given trials: their facts worked out afresh from their records, compared with the
-- kept ones, and the difference (−old, +new) applied to the kept facts and counts.
--
-- Changes apply one transaction at a time: a statement moves the version row on, and its row lock
-- is held until the transaction ends. So a change never waits for a count row another change
-- holds while holding one that change waits for (no deadlock, however many trials or statements a
-- transaction changes), and under READ COMMITTED each following statement reads the records as
-- committed by every change before it: the fact worked out here includes them. A REPEATABLE READ
-- or SERIALIZABLE writer that would work from a snapshot older than another change fails to
-- serialize (and is retried) instead of counting from outdated records.
--
-- A change of a few trials (the application's) first takes the trials' own row locks: a record
-- saved before its trial is updated in the same transaction (an assessment, then the trial it
-- ends) must not hold the version row while another transaction that already updated that trial
-- waits for it. The other change finishes first, and the trial's update then finds it (CONFLICT)
-- as it did before the counts were kept.
CREATE FUNCTION "ldn_recount_trials"(trials uuid[]) RETURNS void
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
  added "TrialFact"[];
  removed "TrialFact"[];
BEGIN
  IF COALESCE(cardinality(trials), 0) = 0 THEN
    RETURN;
  END IF;
  IF cardinality(trials) <= 100 THEN
    PERFORM FROM "Trial" WHERE "id" = ANY (trials) ORDER BY "id" FOR NO KEY UPDATE;
  END IF;
  UPDATE "ContinuationCountsVersion" SET "version" = "version" + 1 WHERE "id" = 1;

  WITH fresh AS MATERIALIZED (SELECT f FROM "ldn_trial_facts"(trials) f),
       kept AS MATERIALIZED (SELECT k FROM "TrialFact" k WHERE k."trialId" = ANY (trials))
  SELECT (SELECT array_agg(s.fact) FROM (SELECT f FROM fresh EXCEPT SELECT k FROM kept) s(fact)),
         (SELECT array_agg(s.fact) FROM (SELECT k FROM kept EXCEPT SELECT f FROM fresh) s(fact))
  INTO added, removed;
  IF added IS NULL AND removed IS NULL THEN
    RETURN;
  END IF;
  added := COALESCE(added, '{}');
  removed := COALESCE(removed, '{}');

  DELETE FROM "TrialFact" WHERE "trialId" IN (SELECT r."trialId" FROM unnest(removed) r);
  INSERT INTO "TrialFact" SELECT * FROM unnest(added);
  PERFORM "ldn_count_trial_facts"(added, removed);
END
$$;

-- Every kept fact and count worked out again from the records: the backfill below, a bench that
-- generated its trials with the triggers off, and a TRUNCATE of the records (tests). The facts in
-- parts, so that no statement holds a whole network's facts in memory; then each count table in
-- one pass over them (as `ldn_count_trial_facts` would add them, without rewriting a row per part).
CREATE FUNCTION "ldn_rebuild_continuation_counts"() RETURNS void
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
  part uuid[];
BEGIN
  UPDATE "ContinuationCountsVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  TRUNCATE "TrialFact", "ContinuationEndedCount", "ContinuationActiveCount", "ContinuationGroupCount",
           "ContinuationPatientCount";
  FOR part IN
    SELECT array_agg(t."id")
    FROM (SELECT "id", (row_number() OVER (ORDER BY "id") - 1) / 50000 AS part
          FROM "Trial" WHERE "enteredInErrorAt" IS NULL) t
    GROUP BY t.part
    ORDER BY t.part
  LOOP
    INSERT INTO "TrialFact" SELECT * FROM "ldn_trial_facts"(part);
  END LOOP;

  INSERT INTO "ContinuationEndedCount" ("dimension", "key", "day", "trials")
  SELECT k."dimension", k."key", k."day", count(*)
  FROM "TrialFact" f CROSS JOIN LATERAL "ldn_continuation_keys"(f) k
  WHERE k.ended AND k."dimension" IN ('ALL', 'CONDITION', 'CLINIC', 'PRESCRIBER')
  GROUP BY 1, 2, 3;
  INSERT INTO "ContinuationActiveCount" ("dimension", "key", "startDate", "trials")
  SELECT k."dimension", k."key", k."startDate", count(*)
  FROM "TrialFact" f CROSS JOIN LATERAL "ldn_continuation_keys"(f) k
  WHERE NOT k.ended AND k."dimension" IN ('ALL', 'CONDITION', 'CLINIC', 'PRESCRIBER')
  GROUP BY 1, 2, 3;
  INSERT INTO "ContinuationGroupCount" ("dimension", "key", "trials", "ended", "assessed", "painChange")
  SELECT k."dimension", k."key", count(*), count(*) FILTER (WHERE k.ended), count(*) FILTER (WHERE k.assessed),
         COALESCE(sum(k."painChange"), 0)
  FROM "TrialFact" f CROSS JOIN LATERAL "ldn_continuation_keys"(f) k
  GROUP BY 1, 2;
  INSERT INTO "ContinuationPatientCount" ("patientId", "trials")
  SELECT "patientId", count(*) FROM "TrialFact" GROUP BY 1;
END
$$;

-- The trials a statement's rows change for the report, from the statement's old and new rows
-- (transition tables: one recount per statement, however many rows it wrote). A change to nothing
-- the report reads (a trial's state or version, a note) recounts nothing and waits for no one.
-- TG_ARGV: the column naming the trial, then the columns the report reads. It runs as its owner:
-- a clinic's request (role ldn_app) writes the records, never the counts.
CREATE FUNCTION "ldn_recount_written_trials"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  trial text := TG_ARGV[0];
  read text := (SELECT string_agg(format('%I', c), ', ') FROM unnest(TG_ARGV[1:]) c);
  trials uuid[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM "ldn_rebuild_continuation_counts"();
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    -- A record entered in error from the start changes no count.
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows WHERE "enteredInErrorAt" IS NULL', trial)
      INTO trials;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows WHERE "enteredInErrorAt" IS NULL', trial)
      INTO trials;
  ELSE
    EXECUTE format('SELECT array_agg(DISTINCT %1$I) FROM (SELECT %2$s FROM new_rows EXCEPT SELECT %2$s FROM old_rows '
                   'UNION ALL (SELECT %2$s FROM old_rows EXCEPT SELECT %2$s FROM new_rows)) changed', trial, read)
      INTO trials;
  END IF;
  PERFORM "ldn_recount_trials"(trials);
  RETURN NULL;
END
$$;

DO $$
DECLARE
  written record;
  event text;
BEGIN
  FOR written IN
    SELECT * FROM (VALUES
      ('Trial', ARRAY['id', 'id', 'patientId', 'clinicId', 'prescriberId', 'condition', 'startDate', 'endedOn',
                      'discontinuationReason', 'baselineScore', 'enteredInErrorAt']),
      ('Assessment', ARRAY['trialId', 'id', 'trialId', 'assessedOn', 'createdAt', 'responseClass', 'meanScore',
                           'enteredInErrorAt']),
      ('AdverseEffect', ARRAY['trialId', 'id', 'trialId', 'onsetOn', 'enteredInErrorAt'])
    ) AS w(tbl, arguments)
  LOOP
    FOREACH event IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'] LOOP
      EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I %s EXECUTE FUNCTION "ldn_recount_written_trials"(%s)',
                     written.tbl || '_continuation_' || lower(event), event, written.tbl,
                     CASE event
                       WHEN 'INSERT' THEN 'REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT'
                       WHEN 'UPDATE' THEN 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT'
                       WHEN 'DELETE' THEN 'REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT'
                       ELSE 'FOR EACH STATEMENT' END,
                     (SELECT string_agg(quote_literal(a), ', ') FROM unnest(written.arguments) a));
    END LOOP;
  END LOOP;
END
$$;

-- Only the triggers write the counts; only the network reads them (they name clinics,
-- prescribers and patients). The application's role may call none of these functions.
REVOKE ALL ON FUNCTION "ldn_trial_facts"(uuid[]), "ldn_recount_trials"(uuid[]),
  "ldn_count_trial_facts"("TrialFact"[], "TrialFact"[]), "ldn_rebuild_continuation_counts"() FROM PUBLIC;
DO $$
DECLARE
  kept text;
BEGIN
  FOREACH kept IN ARRAY ARRAY['TrialFact', 'ContinuationEndedCount', 'ContinuationActiveCount',
                              'ContinuationGroupCount', 'ContinuationPatientCount', 'ContinuationCountsVersion']
  LOOP
    EXECUTE format('REVOKE ALL ON %I FROM ldn_app', kept);
    EXECUTE format('GRANT SELECT ON %I TO ldn_app', kept);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', kept);
    EXECUTE format('CREATE POLICY "network" ON %I FOR SELECT '
                   'USING ((SELECT "ldn_organisation_kind"()) = ''NETWORK'')', kept);
  END LOOP;
END
$$;

-- The counts of the trials already recorded, and statistics for the first reports' plans.
SELECT "ldn_rebuild_continuation_counts"();
ANALYZE "TrialFact", "ContinuationEndedCount", "ContinuationActiveCount", "ContinuationGroupCount",
        "ContinuationPatientCount";
