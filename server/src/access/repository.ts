import type { OrganisationKind, Prisma, PrismaClient, Role } from '@ldn/db';
import { type AuditAction, type AuditContext, audit, auditListed } from '../audit/audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import { forbidden, unauthenticated } from '../platform/errors.ts';
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

/** What a request hands a viewer's repository: who signed in, the client, the loaders, the request. */
type ViewerRequest = [viewer: Viewer, prisma: PrismaClient, loaders: Loaders, requestId: string];

/** Opens a viewer's repository for a request, or refuses the viewer before anything is read. */
export type OpenRepository<R> = (
  viewer: Viewer | null,
  prisma: PrismaClient,
  loaders: Loaders,
  requestId: string,
) => R;

/**
 * Who may open a viewer's repository: a person of an organisation of `kind`, and of `role` when one
 * is named. Anyone else is FORBIDDEN to do `refusal` (errors.ts words it "Your role does not allow
 * you to …").
 */
export interface ViewerGate {
  kind: OrganisationKind;
  role?: Role;
  refusal: string;
}

/**
 * A repository of one signed-in viewer's organisation (clinic, pharmacy, network). Its constructor
 * is protected: a request opens one only through its gate (`viewerGated`).
 */
export abstract class ViewerRepository extends Repository {
  protected constructor(
    readonly viewer: Viewer,
    prisma: PrismaClient,
    loaders: Loaders,
    requestId: string,
  ) {
    super(prisma, loaders, { viewer, requestId });
  }
}

/**
 * The `for` of a viewer's repository: nobody signed in is UNAUTHENTICATED, a viewer the gate does
 * not admit is FORBIDDEN, both before a record is read; anyone else gets the repository `open` builds.
 */
export function viewerGated<R extends ViewerRepository>(
  gate: ViewerGate,
  open: (...request: ViewerRequest) => R,
): OpenRepository<R> {
  return (viewer, prisma, loaders, requestId) => {
    if (viewer === null) throw unauthenticated();
    const admitted =
      viewer.organisationKind === gate.kind && (gate.role === undefined || viewer.role === gate.role);
    if (!admitted) throw forbidden(gate.refusal);
    return open(viewer, prisma, loaders, requestId);
  };
}
