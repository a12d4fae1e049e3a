-- A dose change, an adverse effect or an assessment recorded by mistake is marked entered in error
-- (workflows.md, corrections): never deleted, kept with who, when and why, shown struck through,
-- and left out of the trial's derived state, the worklist and the figures.

-- AlterTable
ALTER TABLE "DoseChange" ADD COLUMN     "enteredInErrorAt" TIMESTAMPTZ(3),
ADD COLUMN     "enteredInErrorById" UUID,
ADD COLUMN     "enteredInErrorReason" VARCHAR(1000);

-- AlterTable
ALTER TABLE "AdverseEffect" ADD COLUMN     "enteredInErrorAt" TIMESTAMPTZ(3),
ADD COLUMN     "enteredInErrorById" UUID,
ADD COLUMN     "enteredInErrorReason" VARCHAR(1000);

-- AlterTable
ALTER TABLE "Assessment" ADD COLUMN     "enteredInErrorAt" TIMESTAMPTZ(3),
ADD COLUMN     "enteredInErrorById" UUID,
ADD COLUMN     "enteredInErrorReason" VARCHAR(1000);
