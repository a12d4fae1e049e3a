-- CreateEnum
CREATE TYPE "RecordSource" AS ENUM ('CLINIC', 'PATIENT');

-- CreateEnum
CREATE TYPE "DoseTaken" AS ENUM ('TAKEN', 'NOT_TAKEN');

-- AlterTable
ALTER TABLE "SymptomScore" ADD COLUMN     "patientReportId" UUID,
ADD COLUMN     "source" "RecordSource" NOT NULL DEFAULT 'CLINIC',
ALTER COLUMN "recordedById" DROP NOT NULL;

-- AlterTable
ALTER TABLE "AdverseEffect" ADD COLUMN     "patientReportId" UUID,
ADD COLUMN     "reviewedAt" TIMESTAMPTZ(3),
ADD COLUMN     "reviewedById" UUID,
ADD COLUMN     "source" "RecordSource" NOT NULL DEFAULT 'CLINIC',
ALTER COLUMN "recordedById" DROP NOT NULL;

-- CreateTable
CREATE TABLE "PatientLink" (
    "id" UUID NOT NULL,
    "trialId" UUID NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedById" UUID,
    "dobFailures" INTEGER NOT NULL DEFAULT 0,
    "lockedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PatientLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatientLinkDevice" (
    "id" UUID NOT NULL,
    "linkId" UUID NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientLinkDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatientReport" (
    "id" UUID NOT NULL,
    "linkId" UUID NOT NULL,
    "trialId" UUID NOT NULL,
    "evening" DATE NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "doseTaken" "DoseTaken" NOT NULL,
    "doseMg" DECIMAL(4,1),
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replacedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PatientReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PatientLink_tokenHash_key" ON "PatientLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PatientLink_trialId_idx" ON "PatientLink"("trialId");

-- CreateIndex
CREATE UNIQUE INDEX "PatientLinkDevice_tokenHash_key" ON "PatientLinkDevice"("tokenHash");

-- CreateIndex
CREATE INDEX "PatientLinkDevice_linkId_idx" ON "PatientLinkDevice"("linkId");

-- CreateIndex
CREATE INDEX "PatientReport_trialId_evening_idx" ON "PatientReport"("trialId", "evening");

-- CreateIndex
CREATE INDEX "PatientReport_linkId_idx" ON "PatientReport"("linkId");

-- CreateIndex
CREATE INDEX "SymptomScore_patientReportId_idx" ON "SymptomScore"("patientReportId");

-- CreateIndex
CREATE INDEX "AdverseEffect_patientReportId_idx" ON "AdverseEffect"("patientReportId");

-- AddForeignKey
ALTER TABLE "SymptomScore" ADD CONSTRAINT "SymptomScore_patientReportId_fkey" FOREIGN KEY ("patientReportId") REFERENCES "PatientReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdverseEffect" ADD CONSTRAINT "AdverseEffect_patientReportId_fkey" FOREIGN KEY ("patientReportId") REFERENCES "PatientReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientLink" ADD CONSTRAINT "PatientLink_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientLinkDevice" ADD CONSTRAINT "PatientLinkDevice_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "PatientLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientReport" ADD CONSTRAINT "PatientReport_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "PatientLink"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatientReport" ADD CONSTRAINT "PatientReport_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written below (partial indexes and triggers: schema.prisma cannot state them; the partial
-- indexes are listed in prisma/src/catalog.ts as migration-only).

-- One counted score per patient, measure, day and source: a clinic entry and the patient's report
-- of the same day are both kept (the response window takes one per day: the rules' oneScorePerDay).
DROP INDEX "SymptomScore_counted_key";
CREATE UNIQUE INDEX "SymptomScore_counted_key" ON "SymptomScore"("patientId", "measure", "scoredOn", "source")
  WHERE "enteredInErrorAt" IS NULL;

-- One live link per trial (issuing another revokes it), one current report per trial and evening
-- (an edit replaces it).
CREATE UNIQUE INDEX "PatientLink_live_key" ON "PatientLink"("trialId") WHERE "revokedAt" IS NULL;
CREATE UNIQUE INDEX "PatientReport_current_key" ON "PatientReport"("trialId", "evening") WHERE "replacedAt" IS NULL;

-- Live updates: the trial page follows its link and the reports as they arrive.
CREATE TRIGGER "PatientLink_live" AFTER INSERT OR UPDATE OR DELETE ON "PatientLink"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('trial-record');
CREATE TRIGGER "PatientReport_live" AFTER INSERT OR UPDATE OR DELETE ON "PatientReport"
  FOR EACH ROW EXECUTE FUNCTION "ldn_notify_change"('trial-record');
