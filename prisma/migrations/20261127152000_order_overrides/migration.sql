-- An override given to write an order (a soft stop: the order overlaps an open order or supply
-- already dispensed) names the order too, so it is shown with the order as well as the trial.

-- AlterTable
ALTER TABLE "Override" ADD COLUMN     "orderId" UUID;

-- CreateIndex
CREATE INDEX "Override_orderId_idx" ON "Override"("orderId");

-- AddForeignKey
ALTER TABLE "Override" ADD CONSTRAINT "Override_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
