-- Row-level security: the database keeps each organisation's patient records to itself, whatever
-- query the application sends (issue #17; README "Who reaches what").
--
-- The application sends every statement of a signed-in person's request with, in the same
-- transaction, set_config('role', 'ldn_app', true) and the person's organisation
-- (prisma/src/data-access.ts). `ldn_app` owns no table, so these policies hold it; the connection's
-- own user (the owner, which ran this migration) is not held: that is the system (migrations,
-- start-up jobs, sign-in, the retention job).
--
-- Who sees a row:
--   a clinic        its own patients and trials, its own orders, and every record under them
--   a pharmacy      the orders sent to it (never a draft) with their lines, events and signatures,
--                   and those orders' patients and trials; never a clinical record (workflows.md:
--                   no scores, histories or medications)
--   the network     everything (it reports across clinics; the application gives it only aggregates)

DO $$
BEGIN
  CREATE ROLE ldn_app NOLOGIN;
EXCEPTION
  -- Roles belong to the whole server: another database of it (or a concurrent migration) made it.
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- The owner must be a member to switch to it (superusers need not be, but a managed server's
-- owner is not one).
DO $$
BEGIN
  EXECUTE format('GRANT ldn_app TO %I', current_user);
EXCEPTION
  WHEN duplicate_object OR unique_violation OR invalid_grant_operation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO ldn_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ldn_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ldn_app;
-- Tables made by later migrations (run by the same owner) are granted the same way.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ldn_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ldn_app;
-- Append-only tables stay append-only for the application, below their triggers too.
REVOKE UPDATE, DELETE ON "AuditLog", "OrderSignature" FROM ldn_app;
REVOKE ALL ON "_prisma_migrations" FROM ldn_app;

-- The request's organisation and its kind. Policies call them as `(SELECT …)`, which PostgreSQL
-- evaluates at most once per statement instead of once per row.
CREATE FUNCTION "ldn_organisation"() RETURNS uuid
LANGUAGE sql STABLE AS $$ SELECT NULLIF(current_setting('ldn.organisation_id', true), '')::uuid $$;

-- The kind is the organisation's own, read from it, not a second setting a session could claim.
CREATE FUNCTION "ldn_organisation_kind"() RETURNS text
LANGUAGE sql STABLE AS $$ SELECT o."kind"::text FROM "Organisation" o WHERE o."id" = "ldn_organisation"() $$;

-- Whether a non-draft order of the patient, trial or order reaches the request's pharmacy. They run
-- as their owner, which the policies do not hold: a policy that asked "Order" itself would have the
-- planner expand "Order"'s policy inside every policy that asks, on every statement, whoever asks.
CREATE FUNCTION "ldn_pharmacy_reaches_patient"(patient uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM "Order" o WHERE o."patientId" = patient
                   AND o."pharmacyId" = "ldn_organisation"() AND o."state" <> 'DRAFT')
$$;
CREATE FUNCTION "ldn_pharmacy_reaches_trial"(trial uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM "Order" o WHERE o."trialId" = trial
                   AND o."pharmacyId" = "ldn_organisation"() AND o."state" <> 'DRAFT')
$$;
CREATE FUNCTION "ldn_pharmacy_reaches_order"(target uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM "Order" o WHERE o."id" = target
                   AND o."pharmacyId" = "ldn_organisation"() AND o."state" <> 'DRAFT')
$$;
REVOKE ALL ON FUNCTION "ldn_pharmacy_reaches_patient"(uuid), "ldn_pharmacy_reaches_trial"(uuid),
  "ldn_pharmacy_reaches_order"(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "ldn_pharmacy_reaches_patient"(uuid), "ldn_pharmacy_reaches_trial"(uuid),
  "ldn_pharmacy_reaches_order"(uuid) TO ldn_app;

-- The roots: rows that name their organisation.
ALTER TABLE "Order" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "organisation" ON "Order"
  USING ("clinicId" = (SELECT "ldn_organisation"())
         OR (SELECT "ldn_organisation_kind"()) = 'NETWORK'
         OR ("pharmacyId" = (SELECT "ldn_organisation"()) AND "state" <> 'DRAFT'));

ALTER TABLE "Patient" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "organisation" ON "Patient"
  USING ("clinicId" = (SELECT "ldn_organisation"())
         OR (SELECT "ldn_organisation_kind"()) = 'NETWORK'
         OR ((SELECT "ldn_organisation_kind"()) = 'PHARMACY' AND "ldn_pharmacy_reaches_patient"("id")));

ALTER TABLE "Trial" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "organisation" ON "Trial"
  USING ("clinicId" = (SELECT "ldn_organisation"())
         OR (SELECT "ldn_organisation_kind"()) = 'NETWORK'
         OR ((SELECT "ldn_organisation_kind"()) = 'PHARMACY' AND "ldn_pharmacy_reaches_trial"("id")));

-- Records under a root carry their root's clinic, which the database copies in (a trigger, whatever
-- the insert says), so a clinic's policy is one comparison per row instead of a lookup of the root.
-- A pharmacy reaches an order's own records only, and asks whether the order reaches it.
CREATE FUNCTION "ldn_clinic_of_patient"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."clinicId" := (SELECT p."clinicId" FROM "Patient" p WHERE p."id" = NEW."patientId");
  RETURN NEW;
END $$;
CREATE FUNCTION "ldn_clinic_of_trial"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."clinicId" := (SELECT t."clinicId" FROM "Trial" t WHERE t."id" = NEW."trialId");
  RETURN NEW;
END $$;
CREATE FUNCTION "ldn_clinic_of_order"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."clinicId" := (SELECT o."clinicId" FROM "Order" o WHERE o."id" = NEW."orderId");
  RETURN NEW;
END $$;
CREATE FUNCTION "ldn_clinic_of_link"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."clinicId" := (SELECT l."clinicId" FROM "PatientLink" l WHERE l."id" = NEW."linkId");
  RETURN NEW;
END $$;

DO $$
DECLARE
  child record;
BEGIN
  -- In order: a patient link's clinic is filled before its devices copy it.
  FOR child IN
    SELECT * FROM (VALUES
      (1, 'PriorTherapy', 'patientId', 'Patient', 'patient', false),
      (2, 'Medication', 'patientId', 'Patient', 'patient', false),
      (3, 'OpioidFreeAttestation', 'patientId', 'Patient', 'patient', false),
      (4, 'Consent', 'patientId', 'Patient', 'patient', false),
      (5, 'SymptomScore', 'patientId', 'Patient', 'patient', false),
      (6, 'RecordAmendment', 'patientId', 'Patient', 'patient', false),
      (7, 'DoseChange', 'trialId', 'Trial', 'trial', false),
      (8, 'TrialHold', 'trialId', 'Trial', 'trial', false),
      (9, 'Override', 'trialId', 'Trial', 'trial', false),
      (10, 'TrialWarning', 'trialId', 'Trial', 'trial', false),
      (11, 'AdverseEffect', 'trialId', 'Trial', 'trial', false),
      (12, 'Assessment', 'trialId', 'Trial', 'trial', false),
      (13, 'PatientLink', 'trialId', 'Trial', 'trial', false),
      (14, 'PatientReport', 'trialId', 'Trial', 'trial', false),
      (15, 'OrderSignature', 'orderId', 'Order', 'order', true),
      (16, 'OrderLine', 'orderId', 'Order', 'order', true),
      (17, 'OrderEvent', 'orderId', 'Order', 'order', true),
      (18, 'PatientLinkDevice', 'linkId', 'PatientLink', 'link', false)
    ) AS c(n, tbl, col, parent, root, pharmacy)
    ORDER BY n
  LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN "clinicId" uuid', child.tbl);
    -- The copy of the existing rows is not news for the open screens, and signatures stay unchanged
    -- for the application: their triggers sleep through it.
    EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', child.tbl);
    EXECUTE format('UPDATE %I c SET "clinicId" = p."clinicId" FROM %I p WHERE p."id" = c.%I',
                   child.tbl, child.parent, child.col);
    EXECUTE format('ALTER TABLE %I ENABLE TRIGGER USER', child.tbl);
    EXECUTE format('CREATE TRIGGER "%s_clinic" BEFORE INSERT OR UPDATE OF %I, "clinicId" ON %I '
                   'FOR EACH ROW EXECUTE FUNCTION %I()', child.tbl, child.col, child.tbl, 'ldn_clinic_of_' || child.root);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', child.tbl);
    IF child.pharmacy THEN
      EXECUTE format(
        'CREATE POLICY "organisation" ON %I USING ("clinicId" = (SELECT "ldn_organisation"()) '
        'OR (SELECT "ldn_organisation_kind"()) = ''NETWORK'' '
        'OR ((SELECT "ldn_organisation_kind"()) = ''PHARMACY'' AND %I(%I)))',
        child.tbl, 'ldn_pharmacy_reaches_' || child.root, child.col);
    ELSE
      EXECUTE format(
        'CREATE POLICY "organisation" ON %I USING ("clinicId" = (SELECT "ldn_organisation"()) '
        'OR (SELECT "ldn_organisation_kind"()) = ''NETWORK'')', child.tbl);
    END IF;
  END LOOP;
END
$$;
