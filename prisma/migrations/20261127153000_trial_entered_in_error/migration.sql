-- A trial started by mistake is marked entered in error (workflows.md, corrections): never deleted,
-- kept with who, when and why, and left out of every state, worklist and figure.

-- AlterTable
ALTER TABLE "Trial" ADD COLUMN     "enteredInErrorAt" TIMESTAMPTZ(3),
ADD COLUMN     "enteredInErrorById" UUID,
ADD COLUMN     "enteredInErrorReason" VARCHAR(1000);
