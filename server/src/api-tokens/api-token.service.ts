import { randomBytes } from 'node:crypto';
import type { ApiToken, Organisation, Prisma, User } from '@ldn/db';
import { isRecordId } from '../access/ids.ts';
import type { Client } from '../access/repository.ts';
import { hashToken } from '../auth/sessions.ts';
import type { Clock } from '../platform/clock.ts';
import { badInput, notFound } from '../platform/errors.ts';

type Tx = Prisma.TransactionClient;

/** Every token starts so, so a leaked one is recognised for what it is (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'ldn_';

/** A token as the administrators' list shows it: never the token, which is shown once. */
export type ApiTokenRow = ApiToken & {
  organisation: Organisation;
  createdBy: Pick<User, 'name'>;
  revokedBy: Pick<User, 'name'> | null;
};

export const API_TOKEN_INCLUDE = {
  organisation: true,
  createdBy: { select: { name: true } },
  revokedBy: { select: { name: true } },
} as const satisfies Prisma.ApiTokenInclude;

/** What an administrator asks for: one clinic or pharmacy, a purpose, an optional lifetime. */
export interface ApiTokenRequest {
  organisationId: string;
  name: string;
  expiresInDays?: number | null;
}

/**
 * Issues a read-only token for one clinic or pharmacy and returns it with its row; only the
 * SHA-256 of the token is stored, so it cannot be shown again.
 */
export async function issueApiToken(
  tx: Tx,
  request: ApiTokenRequest,
  issuedBy: string,
  clock: Clock,
): Promise<{ token: string; row: ApiTokenRow }> {
  const organisation = isRecordId(request.organisationId)
    ? await tx.organisation.findUnique({ where: { id: request.organisationId } })
    : null;
  if (organisation === null) throw notFound('Organisation');
  if (organisation.kind === 'NETWORK' || !organisation.active) {
    throw badInput('organisationId', 'A token reads the records of one active clinic or pharmacy.');
  }
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const now = clock.now();
  const row = await tx.apiToken.create({
    data: {
      organisationId: organisation.id,
      name: request.name.trim(),
      tokenHash: hashToken(token),
      createdById: issuedBy,
      createdAt: now,
      expiresAt:
        request.expiresInDays == null ? null : new Date(now.getTime() + request.expiresInDays * 86_400_000),
    },
    include: API_TOKEN_INCLUDE,
  });
  return { token, row };
}

/** Revokes a token for good; revoking one already revoked changes nothing (null: nothing written). */
export async function revokeApiToken(
  tx: Tx,
  id: string,
  revokedBy: string,
  clock: Clock,
): Promise<{ row: ApiTokenRow; changed: boolean }> {
  if (!isRecordId(id)) throw notFound('API token');
  const { count } = await tx.apiToken.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: clock.now(), revokedById: revokedBy },
  });
  const row = await tx.apiToken.findUnique({ where: { id }, include: API_TOKEN_INCLUDE });
  if (row === null) throw notFound('API token');
  return { row, changed: count === 1 };
}

/** Every token of the installation, newest first. */
export function listApiTokens(prisma: Client): Promise<ApiTokenRow[]> {
  return prisma.apiToken.findMany({
    include: API_TOKEN_INCLUDE,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
}
