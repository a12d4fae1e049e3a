-- The worklist reads each active trial's latest order only (issue #16): an index that gives a
-- trial's orders newest first lets that be a one-row index scan per trial. It serves every lookup
-- of a trial's orders, so it replaces the index on trialId alone.
DROP INDEX "Order_trialId_idx";

CREATE INDEX "Order_trialId_createdAt_id_idx" ON "Order"("trialId", "createdAt" DESC, "id" DESC);

-- The worklist starts from the clinic's trials that have not ended: `endedOn IS NULL` is an index
-- condition here, where (clinicId, state) can only filter `state <> 'DISCONTINUED'` row by row.
CREATE INDEX "Trial_clinicId_endedOn_idx" ON "Trial"("clinicId", "endedOn");
