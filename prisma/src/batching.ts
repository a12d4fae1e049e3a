import type { PrismaClient } from '../generated/client/client.ts';
import { currentDataAccess, type DataAccess, withDataAccess } from './data-access.ts';

const ACCESS = Symbol('data access');

type Request = { [ACCESS]?: DataAccess | null };

interface Batching {
  options: {
    batchBy(request: Request): string | undefined;
    singleLoader(request: Request): Promise<unknown>;
    batchLoader(requests: Request[]): Promise<unknown>;
  };
}

/**
 * Prisma merges the `findUnique` calls made in one tick into one statement, whoever made them, and
 * sends every merged statement of that tick from the first caller's context: under row-level
 * security, a caller of another organisation would get the first one's rows, or none of its own.
 * Here each request remembers its caller's data access; merging keeps to one access, and each
 * statement is sent under its own. This reaches into Prisma's request handler: a Prisma without it
 * fails here, at start, not silently.
 */
export function batchWithinOneAccess(prisma: PrismaClient): void {
  const options = (prisma as unknown as { _requestHandler?: { dataloader?: Batching } })._requestHandler
    ?.dataloader?.options;
  if (
    typeof options?.batchBy !== 'function' ||
    typeof options.singleLoader !== 'function' ||
    typeof options.batchLoader !== 'function'
  )
    throw new Error("Prisma's request batching was not found: see prisma/src/batching.ts");
  const { batchBy, singleLoader, batchLoader } = options;
  options.batchBy = (request) => {
    const access = currentDataAccess();
    request[ACCESS] = access;
    const key = batchBy.call(options, request);
    if (key === undefined) return undefined;
    return `${key}|${access === null ? 'system' : `${access.organisationKind}:${access.organisationId}`}`;
  };
  options.singleLoader = (request) =>
    withDataAccess(request[ACCESS] ?? null, () => singleLoader.call(options, request));
  options.batchLoader = (requests) =>
    withDataAccess(requests[0]?.[ACCESS] ?? null, () => batchLoader.call(options, requests));
}
