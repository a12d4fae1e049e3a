import type { OrganisationKind, PrismaClient } from '@ldn/db';
import { hashToken } from '../auth/sessions.ts';
import type { Clock } from '../platform/clock.ts';
import { API_TOKEN_PREFIX } from './api-token.service.ts';

/** Who a request presenting a live API token reads as: the token's organisation, and no person. */
export interface TokenReader {
  tokenId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
}

/** Last use is written at most this often, so a busy integration's reads do not each cost a write. */
const TOUCH_AFTER_MS = 60_000;

/** The token of an `Authorization: Bearer …` header, or undefined when the header is another kind. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

interface TokenRow {
  id: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  organisationId: string;
  organisationKind: OrganisationKind;
  organisationActive: boolean;
}

/**
 * The reader of a presented token when it is ours, live (not revoked, not past its expiry) and its
 * organisation active; else null — one answer for unknown, revoked and expired alike. Runs as the
 * system (before any organisation's access is set): the token row is the administrators' to see.
 */
export async function readerOfApiToken(
  prisma: PrismaClient,
  presented: string,
  clock: Clock,
): Promise<TokenReader | null> {
  if (!presented.startsWith(API_TOKEN_PREFIX) || presented.length > 100) return null;
  const [row] = await prisma.$queryRaw<TokenRow[]>`
    SELECT t.id, t."expiresAt", t."revokedAt", t."lastUsedAt",
           o.id AS "organisationId", o.kind::text AS "organisationKind", o.active AS "organisationActive"
    FROM "ApiToken" t JOIN "Organisation" o ON o.id = t."organisationId"
    WHERE t."tokenHash" = ${hashToken(presented)}`;
  const now = clock.now();
  if (row === undefined || row.revokedAt !== null || !row.organisationActive) return null;
  if (row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime()) return null;
  if (row.organisationKind === 'NETWORK') return null;
  if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { tokenId: row.id, organisationId: row.organisationId, organisationKind: row.organisationKind };
}
