-- The compounding record: who compounded an order (marked it ready with its lots) and the second
-- pharmacist who verified it before it is dispensed. Orders already past COMPOUNDING get their
-- compounder from the event that marked them ready; no one verified them, and an order still READY
-- now waits for a second pharmacist before it is dispensed.
-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "compoundedAt" TIMESTAMPTZ(3),
ADD COLUMN     "compoundedById" UUID,
ADD COLUMN     "verifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "verifiedById" UUID;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_compoundedById_fkey" FOREIGN KEY ("compoundedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Backfill: the latest COMPOUNDING → READY event of each order names who compounded it.
UPDATE "Order" AS o
SET "compoundedById" = e."actorId", "compoundedAt" = e."at"
FROM (
  SELECT DISTINCT ON ("orderId") "orderId", "actorId", "at"
  FROM "OrderEvent"
  WHERE "fromState" = 'COMPOUNDING' AND "toState" = 'READY'
  ORDER BY "orderId", "at" DESC
) AS e
WHERE o."id" = e."orderId"
  AND EXISTS (SELECT 1 FROM "User" AS u WHERE u."id" = e."actorId");
