import type { Prisma, PrismaClient } from '@ldn/db';

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

/**
 * Runs `work` once per (person, operation, key): a retry, a double click or a second tab with the
 * same key gets the order the first call made. Concurrent calls wait on the key's unique index,
 * then read the first one's answer.
 */
export async function onceForKey(
  prisma: PrismaClient,
  key: { userId: string; operation: string; key: string },
  work: (tx: Prisma.TransactionClient) => Promise<string>,
): Promise<string> {
  const where = { userId_operation_key: key };
  const earlier = await prisma.idempotencyKey.findUnique({ where });
  if (earlier !== null && earlier.orderId !== null) return earlier.orderId;
  try {
    return await prisma.$transaction(
      async (tx) => {
        await tx.idempotencyKey.create({ data: key });
        const orderId = await work(tx);
        await tx.idempotencyKey.update({ where, data: { orderId } });
        return orderId;
      },
      { maxWait: 15_000, timeout: 15_000 },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = await prisma.idempotencyKey.findUnique({ where });
    if (first !== null && first.orderId !== null) return first.orderId;
    throw error;
  }
}
