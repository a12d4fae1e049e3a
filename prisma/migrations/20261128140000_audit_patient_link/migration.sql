-- A patient's own requests through their link (issue #19) are audited with the link, so the audit
-- log says who acted: the patient, through which link, rather than "the system".
-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "patientLinkId" UUID;
