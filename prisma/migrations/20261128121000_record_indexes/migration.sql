-- A patient's scores, those entered in error too: the trial page and the response window read them
-- by patient. Since 20261127155000 made the unique index partial, such a read had no index and
-- scanned every score of the network.
CREATE INDEX "SymptomScore_patientId_scoredOn_idx" ON "SymptomScore"("patientId", "scoredOn");

-- A patient's orders: the pharmacy's row-level security policy on "Patient" asks whether an order
-- of the patient reaches the pharmacy (and, without it, the planner costs every patient read as a
-- scan of all orders, enough to trigger JIT compilation).
CREATE INDEX "Order_patientId_idx" ON "Order"("patientId");
