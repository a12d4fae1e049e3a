-- The pharmacy's queue at network scale (issue #16): one pharmacy may receive every clinic's
-- orders, so "pharmacyId" alone no longer narrows anything, and the queue must read each page, and
-- its counts per state, by an index of its own.
--
-- Under row-level security the planner puts a condition of the query into an index scan only if it
-- knows the condition cannot leak a row the policy hides. A comparison of an enum ("state") is not
-- known so: `state = 'SUBMITTED'` never starts an index scan for an application request, whatever
-- the index. The state is therefore in each index's WHERE, which the planner matches against the
-- query's own literal condition (server/src/orders/pharmacy-queue.ts), and each index begins with
-- "pharmacyId", which it may compare (a uuid).

-- Open work, by need-by date, then Rx number (both last when missing), then id: the queue's default
-- view, and the start of its next page, are one range of this index. The CASE expressions stand for
-- NULLS LAST by a value after every real one; COALESCE would do the same, but the planner does not
-- let a COALESCE start an index scan under row-level security, and CASE it does.
CREATE INDEX "Order_queue_open_idx" ON "Order" (
  "pharmacyId",
  (CASE WHEN "needBy" IS NULL THEN 'infinity'::date ELSE "needBy" END),
  (CASE WHEN "rxNumber" IS NULL THEN 2147483647 ELSE "rxNumber" END),
  "id"
) WHERE "state" IN ('SUBMITTED', 'RECEIVED', 'COMPOUNDING', 'READY', 'ON_HOLD');

-- Every order sent to the pharmacy, newest first: the views with finished orders (or every state).
CREATE INDEX "Order_queue_newest_idx" ON "Order" ("pharmacyId", "updatedAt" DESC, "id" DESC)
  WHERE "state" <> 'DRAFT';

-- The counts per state, read from this index alone (an index-only scan, once the table is vacuumed)
-- instead of from the orders' rows: it holds every column the counts and the "Order" policy look at.
-- It still has an entry per order the pharmacy received; only a kept count would not grow with them.
CREATE INDEX "Order_queue_states_idx" ON "Order" ("pharmacyId", "state", "clinicId")
  WHERE "state" <> 'DRAFT';
