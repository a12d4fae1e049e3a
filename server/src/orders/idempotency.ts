import { createHash } from 'node:crypto';
import type { Prisma } from '@ldn/db';
import { isUniqueViolation } from '@ldn/db';
import type { Repository } from '../access/repository.ts';
import { idempotencyKeyReused } from '../platform/errors.ts';

/**
 * How long a key is kept, after which the retention job deletes it: a retry within this gets the
 * first answer. Retries come within seconds or minutes (a lost answer, a double click); a week
 * also covers a page left open over a weekend.
 */
export const IDEMPOTENCY_KEY_KEPT_MS = 7 * 24 * 3_600_000;

/** JSON with every object's keys in order, so the same input always reads the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What a key is bound to: a SHA-256 of the operation and the canonical JSON of its input. */
export function requestFingerprint(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(canonicalJson(input)).digest('hex');
}

/** Whose key, for which operation: the key is unique per person and operation. */
export interface KeyOf {
  userId: string;
  operation: string;
  key: string;
}

/**
 * The order the key's first call made, in one read; null when the key holds no answer yet. Refused
 * when the key was used for another request (another trial, other input). A key stored before
 * fingerprints were kept (fingerprint null) matches no request: it is refused too, never answered
 * with a guess.
 */
export async function storedAnswer(
  repo: Repository,
  key: KeyOf,
  fingerprint: string,
): Promise<string | null> {
  const earlier = await repo.read((client) =>
    client.idempotencyKey.findUnique({ where: { userId_operation_key: key } }),
  );
  if (earlier === null || earlier.orderId === null) return null;
  if (earlier.fingerprint !== fingerprint) throw idempotencyKeyReused();
  return earlier.orderId;
}

/**
 * Runs `work` once per (person, operation, key): a retry, a double click or a second tab with the
 * same key and the same `input` gets the order the first call made; the same key with another
 * input is refused (CONFLICT, reason IDEMPOTENCY_KEY_REUSED). Concurrent calls wait on the key's
 * unique index, then read the first one's answer.
 */
export async function onceForKey(
  repo: Repository,
  key: KeyOf,
  input: unknown,
  work: (tx: Prisma.TransactionClient) => Promise<string>,
): Promise<string> {
  const fingerprint = requestFingerprint(key.operation, input);
  const earlier = await storedAnswer(repo, key, fingerprint);
  if (earlier !== null) return earlier;
  try {
    return await repo.transaction(
      async (tx) => {
        await tx.idempotencyKey.create({ data: { ...key, fingerprint, orderId: null } });
        const orderId = await work(tx);
        await tx.idempotencyKey.update({ where: { userId_operation_key: key }, data: { orderId } });
        return orderId;
      },
      { maxWait: 15_000, timeout: 15_000 },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = await storedAnswer(repo, key, fingerprint);
    if (first !== null) return first;
    throw error;
  }
}
