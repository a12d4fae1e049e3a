import type { Prisma } from '../generated/client/client.ts';

/**
 * The next Rx number of a pharmacy, taken inside the caller's transaction. One statement both
 * creates the pharmacy's counter and moves it on: the row lock it takes makes concurrent
 * submissions queue, and a transaction that rolls back returns its number (no gaps, no repeats).
 */
export async function nextRxNumber(tx: Prisma.TransactionClient, pharmacyId: string): Promise<number> {
  const [counter] = await tx.$queryRaw<{ lastRxNumber: number }[]>`
    INSERT INTO "PharmacyRxCounter" ("pharmacyId", "lastRxNumber") VALUES (${pharmacyId}::uuid, 1)
    ON CONFLICT ("pharmacyId") DO UPDATE SET "lastRxNumber" = "PharmacyRxCounter"."lastRxNumber" + 1
    RETURNING "lastRxNumber"`;
  if (counter === undefined) throw new Error('the Rx counter returned no row');
  return counter.lastRxNumber;
}
