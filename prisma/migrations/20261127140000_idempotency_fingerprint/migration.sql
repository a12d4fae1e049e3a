-- Idempotency keys bound to the request (issue 14): the same key with another request (another
-- trial, other input) is refused instead of answered with the first request's order.

-- The SHA-256 (hex) of the operation and the canonical JSON of its input, written with the key.
-- Keys stored before this migration keep NULL: their request is unknown, so they match no request
-- and reusing one is refused (CONFLICT, IDEMPOTENCY_KEY_REUSED) rather than answered with a guess.
-- AlterTable
ALTER TABLE "IdempotencyKey" ADD COLUMN     "fingerprint" CHAR(64);
