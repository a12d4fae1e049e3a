import type { Prisma, PrismaClient } from '@ldn/db';
import { type AuditAction, type AuditContext, audit, auditListed } from '../audit/audit.ts';
import type { Loaders } from './loaders.ts';

/** A client a repository's query runs on: its own, or the transaction it was handed. */
export type Client = PrismaClient | Prisma.TransactionClient;

/** A change's transaction: it applies fully (with its audit rows) or not at all. */
export type Tx = Prisma.TransactionClient;

const TRANSACTION_LIMITS = { maxWait: 5_000, timeout: 15_000 } as const;

/**
 * What every repository of a request shares: the database client, held here and handed to nothing
 * but the repository's own queries and the transactions it opens; the request's loaders; and who
 * the request's audit rows name. Resolvers receive a repository (repository-decorators.ts), never
 * the client.
 */
export abstract class Repository {
  constructor(
    protected readonly prisma: PrismaClient,
    /** The request's batched reads (loaders.ts), keyed by ids this repository already reached. */
    readonly loaders: Loaders,
    /** Who acts in this request, as its audit rows name them. */
    readonly auditContext: AuditContext,
  ) {}

  /** One transaction for a change: services receive its client from here, nowhere else. */
  transaction<T>(
    work: (tx: Tx) => Promise<T>,
    limits: { maxWait: number; timeout: number } = TRANSACTION_LIMITS,
  ): Promise<T> {
    return this.prisma.$transaction(work, limits);
  }

  /**
   * A read outside a transaction, for the query modules that work for this repository (the
   * worklist's statement, a list's page): the client they get is this repository's. Never called
   * from a resolver, which calls a named method instead (one-door.test.ts).
   */
  read<T>(work: (client: Client) => Promise<T>): Promise<T> {
    return work(this.prisma);
  }

  /** The audit row of a read (a change writes its own inside its transaction). */
  audit(action: AuditAction, entity: string, entityId: string | null): Promise<void> {
    return audit(this.prisma, this.auditContext, action, entity, entityId);
  }

  /** The one LIST row of a list that showed records (audit.ts). */
  auditListed(entity: string, entityIds: readonly string[]): Promise<void> {
    return auditListed(this.prisma, this.auditContext, entity, entityIds);
  }
}
