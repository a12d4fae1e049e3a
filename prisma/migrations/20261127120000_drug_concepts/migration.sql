-- Drugs are concepts (clinical-rules §11): medications and prior therapies keep what the vocabulary
-- recognised, the vocabulary version, and who classified them; DISEASE_SPECIFIC is retired.
-- Existing rows get vocabularyVersion '' here: the server classifies every row whose version differs
-- from the rules package's VOCABULARY_VERSION at start-up, before it serves a request.

-- CreateEnum
CREATE TYPE "DrugRecognition" AS ENUM ('RECOGNISED', 'PROBABLE', 'UNRECOGNISED');

-- CreateEnum
CREATE TYPE "ClassificationSource" AS ENUM ('VOCABULARY', 'CLINICIAN');

-- AlterEnum: DISEASE_SPECIFIC mixed two classes (MS disease-modifying, fibromyalgia-approved) and was
-- ticked by hand. It is dropped: a recognised drug's classes come from the vocabulary; an unrecognised
-- one left with no class becomes OTHER until a clinician classifies it again.
UPDATE "PriorTherapy" SET "classes" = array_remove("classes", 'DISEASE_SPECIFIC');
UPDATE "PriorTherapy" SET "classes" = ARRAY['OTHER']::"TherapyClass"[] WHERE cardinality("classes") = 0;
CREATE TYPE "TherapyClass_new" AS ENUM ('OPIOID', 'OPIOID_ANTAGONIST', 'TCA', 'SNRI', 'ANTICONVULSANT', 'MS_DISEASE_MODIFYING', 'FIBROMYALGIA_APPROVED', 'OTHER');
ALTER TABLE "PriorTherapy" ALTER COLUMN "classes" TYPE "TherapyClass_new"[] USING ("classes"::text::"TherapyClass_new"[]);
ALTER TYPE "TherapyClass" RENAME TO "TherapyClass_old";
ALTER TYPE "TherapyClass_new" RENAME TO "TherapyClass";
DROP TYPE "TherapyClass_old";

-- AlterTable
ALTER TABLE "PriorTherapy" ADD COLUMN     "classifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "classifiedBy" "ClassificationSource" NOT NULL DEFAULT 'VOCABULARY',
ADD COLUMN     "classifiedById" UUID,
ADD COLUMN     "enteredInErrorAt" TIMESTAMPTZ(3),
ADD COLUMN     "enteredInErrorById" UUID,
ADD COLUMN     "enteredInErrorReason" VARCHAR(1000),
ADD COLUMN     "ingredients" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "recognition" "DrugRecognition" NOT NULL DEFAULT 'UNRECOGNISED',
ADD COLUMN     "suggestion" VARCHAR(200),
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "vocabularyVersion" VARCHAR(20) NOT NULL DEFAULT '';

ALTER TABLE "PriorTherapy" ALTER COLUMN "classifiedBy" DROP DEFAULT,
ALTER COLUMN "ingredients" DROP DEFAULT,
ALTER COLUMN "recognition" DROP DEFAULT,
ALTER COLUMN "updatedAt" DROP DEFAULT,
ALTER COLUMN "vocabularyVersion" DROP DEFAULT;

-- AlterTable: a stored opioid stays an opioid until the start-up classification reads it again.
ALTER TABLE "Medication" ADD COLUMN     "classes" "TherapyClass"[] DEFAULT ARRAY[]::"TherapyClass"[],
ADD COLUMN     "classifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "classifiedBy" "ClassificationSource" NOT NULL DEFAULT 'VOCABULARY',
ADD COLUMN     "classifiedById" UUID,
ADD COLUMN     "enteredInErrorAt" TIMESTAMPTZ(3),
ADD COLUMN     "enteredInErrorById" UUID,
ADD COLUMN     "enteredInErrorReason" VARCHAR(1000),
ADD COLUMN     "ingredients" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "needsReview" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "recognition" "DrugRecognition" NOT NULL DEFAULT 'UNRECOGNISED',
ADD COLUMN     "suggestion" VARCHAR(200),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "vocabularyVersion" VARCHAR(20) NOT NULL DEFAULT '';

UPDATE "Medication" SET "classes" = ARRAY['OPIOID']::"TherapyClass"[] WHERE "isOpioid";

ALTER TABLE "Medication" ALTER COLUMN "classes" DROP DEFAULT,
ALTER COLUMN "classifiedBy" DROP DEFAULT,
ALTER COLUMN "ingredients" DROP DEFAULT,
ALTER COLUMN "recognition" DROP DEFAULT,
ALTER COLUMN "vocabularyVersion" DROP DEFAULT;

-- CreateTable
CREATE TABLE "RecordAmendment" (
    "id" UUID NOT NULL,
    "entity" VARCHAR(40) NOT NULL,
    "entityId" UUID NOT NULL,
    "patientId" UUID NOT NULL,
    "previous" JSONB NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,
    "amendedById" UUID NOT NULL,
    "amendedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecordAmendment_entity_entityId_idx" ON "RecordAmendment"("entity", "entityId");

-- CreateIndex
CREATE INDEX "RecordAmendment_patientId_idx" ON "RecordAmendment"("patientId");

-- CreateIndex: the start-up classification finds rows of an older vocabulary.
CREATE INDEX "Medication_vocabularyVersion_idx" ON "Medication"("vocabularyVersion");
CREATE INDEX "PriorTherapy_vocabularyVersion_idx" ON "PriorTherapy"("vocabularyVersion");

-- AddForeignKey
ALTER TABLE "RecordAmendment" ADD CONSTRAINT "RecordAmendment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
