-- The pharmacy bench: Rx numbers, need-by dates, coded rejections, a lot and beyond-use date per line.
CREATE TYPE "RejectionCode" AS ENUM ('OUT_OF_STOCK', 'PRESCRIPTION_INCOMPLETE', 'PRESCRIBER_NOT_VERIFIED', 'CLINICAL_CONCERN', 'DUPLICATE', 'OTHER');

ALTER TABLE "Order" ADD COLUMN     "needBy" DATE,
ADD COLUMN     "rejectionCode" "RejectionCode",
ADD COLUMN     "rxNumber" INTEGER;

ALTER TABLE "OrderLine" ADD COLUMN     "beyondUseDate" DATE,
ADD COLUMN     "lotNumber" VARCHAR(60);

CREATE TABLE "PharmacyRxCounter" (
    "pharmacyId" UUID NOT NULL,
    "lastRxNumber" INTEGER NOT NULL,

    CONSTRAINT "PharmacyRxCounter_pkey" PRIMARY KEY ("pharmacyId")
);

CREATE UNIQUE INDEX "Order_pharmacyId_rxNumber_key" ON "Order"("pharmacyId", "rxNumber");

ALTER TABLE "PharmacyRxCounter" ADD CONSTRAINT "PharmacyRxCounter_pharmacyId_fkey" FOREIGN KEY ("pharmacyId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Orders already sent take numbers in the order they were submitted; each line of an order already
-- compounded carries the order's lot; each pharmacy's counter continues after its last number.
UPDATE "Order" o SET "rxNumber" = numbered.n
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "pharmacyId" ORDER BY "submittedAt", "id") AS n
  FROM "Order" WHERE "submittedAt" IS NOT NULL
) numbered
WHERE o."id" = numbered."id";

UPDATE "OrderLine" l SET "lotNumber" = o."lotNumber", "beyondUseDate" = o."beyondUseDate"
FROM "Order" o WHERE l."orderId" = o."id" AND o."lotNumber" IS NOT NULL;

INSERT INTO "PharmacyRxCounter" ("pharmacyId", "lastRxNumber")
SELECT "pharmacyId", max("rxNumber") FROM "Order" WHERE "rxNumber" IS NOT NULL GROUP BY "pharmacyId";

UPDATE "Order" SET "needBy" = (
  SELECT min(l."startsOn") FROM "OrderLine" l WHERE l."orderId" = "Order"."id"
);

-- The order's lot lists its lines' lots, each once.
ALTER TABLE "Order" ALTER COLUMN "lotNumber" SET DATA TYPE VARCHAR(250);
