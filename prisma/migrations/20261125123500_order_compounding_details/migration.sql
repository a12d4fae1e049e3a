-- CreateEnum
CREATE TYPE "LiquidVehicle" AS ENUM ('NON_AQUEOUS', 'PRESERVED_AQUEOUS', 'NON_PRESERVED_AQUEOUS');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "compoundedOn" DATE,
ADD COLUMN     "liquidStrengthMgPerMl" DECIMAL(6,2),
ADD COLUMN     "vehicle" "LiquidVehicle";

