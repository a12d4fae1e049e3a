import type { Prisma } from '@ldn/db';
import { ViewerRepository, viewerGated } from '../access/repository.ts';

/** A report's reads: one read-only snapshot, so every count of a report agrees with the others. */
export type ReportReader = Prisma.TransactionClient;

/** Long enough for the largest network's report; the snapshot is released as soon as it is done. */
const REPORT_TIMEOUT_MS = 120_000;

/**
 * The network's view for analytics: an administrator of the NETWORK organisation reads aggregates
 * over every clinic of the installation (an organisation has no parent network, so the network is
 * the whole installation). Its reads are deliberately not scoped to a clinic; they go only to the
 * report queries, which return counts and rates, never a patient's record. A clinic or pharmacy
 * (administrator or not) is FORBIDDEN.
 */
export class AnalyticsRepository extends ViewerRepository {
  /** The network's administrator; anyone else is refused before anything is read. */
  static readonly for = viewerGated(
    { kind: 'NETWORK', role: 'ADMIN', refusal: 'see network analytics' },
    (...request) => new AnalyticsRepository(...request),
  );

  /**
   * Runs a report's reads in one read-only, repeatable-read transaction (one snapshot), with room
   * for the aggregates to hash in memory and without JIT compilation, which costs more than it
   * saves on queries of this size.
   */
  snapshot<T>(work: (reader: ReportReader) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SET TRANSACTION READ ONLY`;
        await tx.$executeRaw`SET LOCAL work_mem = '64MB'`;
        await tx.$executeRaw`SET LOCAL jit = off`;
        return work(tx);
      },
      { isolationLevel: 'RepeatableRead', maxWait: 10_000, timeout: REPORT_TIMEOUT_MS },
    );
  }
}
