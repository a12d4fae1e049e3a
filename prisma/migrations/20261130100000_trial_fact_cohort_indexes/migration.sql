-- A filtered continuation report reads the kept facts of its cohort only (issue #16,
-- server/src/analytics/continuation-kept.ts `factsReportCounts`): by clinic, by prescriber, or by
-- condition and start period.

-- CreateIndex
CREATE INDEX "TrialFact_clinicId_idx" ON "TrialFact"("clinicId");

-- CreateIndex
CREATE INDEX "TrialFact_prescriberId_idx" ON "TrialFact"("prescriberId");

-- CreateIndex
CREATE INDEX "TrialFact_condition_startDate_idx" ON "TrialFact"("condition", "startDate");
