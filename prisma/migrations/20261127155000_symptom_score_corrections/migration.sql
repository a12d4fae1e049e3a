-- Symptom scores can be amended (version) and entered in error (kept, counted nowhere).
ALTER TABLE "SymptomScore" ADD COLUMN     "enteredInErrorAt" TIMESTAMPTZ(3),
ADD COLUMN     "enteredInErrorById" UUID,
ADD COLUMN     "enteredInErrorReason" VARCHAR(1000),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- One counted score per patient, measure and day: a score entered in error no longer holds its
-- place, so the right one can be entered again. schema.prisma cannot state a partial index (see
-- the comment on the model); prisma/src/migrate.int.test.ts lists this one as migration-only.
DROP INDEX "SymptomScore_patientId_measure_scoredOn_key";
CREATE UNIQUE INDEX "SymptomScore_counted_key" ON "SymptomScore"("patientId", "measure", "scoredOn")
  WHERE "enteredInErrorAt" IS NULL;
