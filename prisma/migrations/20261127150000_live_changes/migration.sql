-- Live updates (issue #15): every write to a record a screen shows announces itself on the channel
-- "ldn_changes" with pg_notify, so each API process (server/src/live/) can tell the open screens it
-- concerns. Triggers cover every write path: resolvers, start-up jobs, other processes, psql.
--
-- The payload is ids only, never patient data: the record written (`entity` = its table, `id`)
-- and the ids that decide who may hear of it (`patientId`, `trialId`, `orderId`, `clinicId`, and
-- `pharmacyId` only once an order is no longer a draft: a pharmacy never sees drafts). PostgreSQL
-- delivers notifications when the transaction commits, so a screen that refetches on one reads the
-- change; within one transaction identical payloads arrive once, distinct ones each.
--
-- Triggers are not part of Prisma's schema (prisma/src/catalog.ts compares tables, columns,
-- constraints and indexes only). A new table a screen shows gets one CREATE TRIGGER line below.

-- The change as announced, from the row (as jsonb) of a table of kind `kind`:
--   order          the Order itself
--   order-record   a row with "orderId" (OrderLine, OrderEvent)
--   trial          the Trial itself
--   trial-record   a row with "trialId" (DoseChange, TrialHold, …)
--   patient        the Patient itself
--   patient-record a row with "patientId" (Medication, Consent, …)
-- NULL when the parent is gone (a cascade deleting an order's lines: the order's own delete told).
CREATE FUNCTION "ldn_change_of"(kind text, entity text, r jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
  order_id text;
  trial_id text;
  patient_id text;
  clinic_id text;
  pharmacy_id text;
BEGIN
  CASE kind
    WHEN 'order' THEN
      order_id := r->>'id';
      trial_id := r->>'trialId';
      patient_id := r->>'patientId';
      clinic_id := r->>'clinicId';
      IF r->>'state' <> 'DRAFT' THEN pharmacy_id := r->>'pharmacyId'; END IF;
    WHEN 'order-record' THEN
      order_id := r->>'orderId';
      SELECT o."trialId", o."patientId", o."clinicId",
             CASE WHEN o."state" <> 'DRAFT' THEN o."pharmacyId" END
        INTO trial_id, patient_id, clinic_id, pharmacy_id
        FROM "Order" o WHERE o."id" = order_id::uuid;
      IF NOT FOUND THEN RETURN NULL; END IF;
    WHEN 'trial' THEN
      trial_id := r->>'id';
      patient_id := r->>'patientId';
      clinic_id := r->>'clinicId';
    WHEN 'trial-record' THEN
      trial_id := r->>'trialId';
      SELECT t."patientId", t."clinicId" INTO patient_id, clinic_id FROM "Trial" t WHERE t."id" = trial_id::uuid;
      IF NOT FOUND THEN RETURN NULL; END IF;
    WHEN 'patient' THEN
      patient_id := r->>'id';
      clinic_id := r->>'clinicId';
    WHEN 'patient-record' THEN
      patient_id := r->>'patientId';
      SELECT p."clinicId" INTO clinic_id FROM "Patient" p WHERE p."id" = patient_id::uuid;
      IF NOT FOUND THEN RETURN NULL; END IF;
  END CASE;
  RETURN jsonb_strip_nulls(jsonb_build_object(
    'entity', entity, 'id', r->>'id',
    'orderId', order_id, 'trialId', trial_id, 'patientId', patient_id,
    'clinicId', clinic_id, 'pharmacyId', pharmacy_id));
END;
$$;

-- Announces the row before and after the write: an update that moves a record (an order leaving
-- DRAFT for a pharmacy) is heard by whoever could see it before and whoever can see it now; when
-- both are the same, one notification.
CREATE FUNCTION "ldn_notify_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  before_change jsonb;
  after_change jsonb;
BEGIN
  IF TG_OP <> 'INSERT' THEN before_change := "ldn_change_of"(TG_ARGV[0], TG_TABLE_NAME, to_jsonb(OLD)); END IF;
  IF TG_OP <> 'DELETE' THEN after_change := "ldn_change_of"(TG_ARGV[0], TG_TABLE_NAME, to_jsonb(NEW)); END IF;
  IF before_change IS NOT NULL THEN PERFORM pg_notify('ldn_changes', before_change::text); END IF;
  IF after_change IS NOT NULL AND after_change IS DISTINCT FROM before_change THEN
    PERFORM pg_notify('ldn_changes', after_change::text);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Order_live" AFTER INSERT OR UPDATE OR DELETE ON "Order"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('order');
CREATE TRIGGER "OrderLine_live" AFTER INSERT OR UPDATE OR DELETE ON "OrderLine"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('order-record');
CREATE TRIGGER "OrderEvent_live" AFTER INSERT OR UPDATE OR DELETE ON "OrderEvent"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('order-record');

CREATE TRIGGER "Trial_live" AFTER INSERT OR UPDATE OR DELETE ON "Trial"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('trial');
CREATE TRIGGER "DoseChange_live" AFTER INSERT OR UPDATE OR DELETE ON "DoseChange"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('trial-record');
CREATE TRIGGER "TrialHold_live" AFTER INSERT OR UPDATE OR DELETE ON "TrialHold"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('trial-record');
CREATE TRIGGER "Override_live" AFTER INSERT OR UPDATE OR DELETE ON "Override"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('trial-record');
CREATE TRIGGER "TrialWarning_live" AFTER INSERT OR UPDATE OR DELETE ON "TrialWarning"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('trial-record');
CREATE TRIGGER "AdverseEffect_live" AFTER INSERT OR UPDATE OR DELETE ON "AdverseEffect"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('trial-record');
CREATE TRIGGER "Assessment_live" AFTER INSERT OR UPDATE OR DELETE ON "Assessment"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('trial-record');

CREATE TRIGGER "Patient_live" AFTER INSERT OR UPDATE OR DELETE ON "Patient"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('patient');
CREATE TRIGGER "Medication_live" AFTER INSERT OR UPDATE OR DELETE ON "Medication"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('patient-record');
CREATE TRIGGER "PriorTherapy_live" AFTER INSERT OR UPDATE OR DELETE ON "PriorTherapy"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('patient-record');
CREATE TRIGGER "SymptomScore_live" AFTER INSERT OR UPDATE OR DELETE ON "SymptomScore"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('patient-record');
CREATE TRIGGER "Consent_live" AFTER INSERT OR UPDATE OR DELETE ON "Consent"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('patient-record');
CREATE TRIGGER "OpioidFreeAttestation_live" AFTER INSERT OR UPDATE OR DELETE ON "OpioidFreeAttestation"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('patient-record');
CREATE TRIGGER "RecordAmendment_live" AFTER INSERT OR UPDATE OR DELETE ON "RecordAmendment"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('patient-record');

-- A session ended (signed out, ended from another device, the person deactivated or their role
-- changed): the live sockets it opened are closed at once, in every process. Only the end is told,
-- not each `lastSeenAt` touch.
CREATE FUNCTION "ldn_notify_session_end"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ldn_changes', jsonb_build_object('entity', 'Session', 'id', OLD."id")::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Session_revoked_live" AFTER UPDATE OF "revokedAt" ON "Session"
  FOR EACH ROW WHEN (OLD."revokedAt" IS NULL AND NEW."revokedAt" IS NOT NULL)
  EXECUTE FUNCTION "ldn_notify_session_end"();
CREATE TRIGGER "Session_deleted_live" AFTER DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_session_end"();
