-- The audit log (workflows.md, "Everyone"): one LIST row per request, and append-only in the database.

-- A list (the patient search, the worklist, the pharmacy queue) writes one LIST row per request
-- naming every record it showed, instead of one row per record. Earlier LIST rows stay as written.
-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "entityIds" VARCHAR(60)[] DEFAULT ARRAY[]::VARCHAR(60)[];

-- CreateIndex: "who has seen this patient" finds the lists that named it.
CREATE INDEX "AuditLog_entityIds_idx" ON "AuditLog" USING GIN ("entityIds");

-- Append-only: any UPDATE, DELETE or TRUNCATE of "AuditLog" is refused, whoever sends it, so no
-- product code path, bug or injected statement can rewrite or remove a row. A trigger is not part
-- of Prisma's schema (prisma/src/catalog.ts compares tables, columns, constraints and indexes
-- only); server/src/audit/audit-append-only.int.test.ts checks it. Dropping a whole database (test
-- teardown) does not fire it.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only: % on "AuditLog" is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
