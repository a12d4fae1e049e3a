-- The clinic's draft orders, for the worklist (issue #16, server/src/trials/worklist-data.ts).
-- Under row-level security `state = 'DRAFT'` cannot start an index scan (an enum comparison is not
-- known to be leakproof; see 20261129110000_pharmacy_queue_indexes), so "Order_clinicId_state_idx"
-- gave every order of the clinic to check on its row: 6,500 rows for the 96 drafts of a bench
-- clinic, a fifth of the worklist statement's time. In the index's WHERE the planner matches it
-- against the query's literal condition instead.
CREATE INDEX "Order_clinic_drafts_idx" ON "Order" ("clinicId") WHERE "state" = 'DRAFT';
