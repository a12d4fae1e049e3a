-- Amendments are listed oldest first. Two amendments of one record can share a millisecond (and
-- every one shares a frozen clock in tests), and a UUID breaks the tie at random: a sequence keeps
-- the order they were made in. Existing rows get numbers in storage order; amendedAt still sorts
-- first, so only rows of one millisecond lean on them.
-- AlterTable
ALTER TABLE "RecordAmendment" ADD COLUMN     "sequence" BIGSERIAL NOT NULL;
