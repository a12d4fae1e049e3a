import type { Prisma, PrismaClient } from '@ldn/db';
import { ViewerRepository, viewerGated } from '../access/repository.ts';
import { CountsVersionCache } from './counts-version-cache.ts';

/** A report's reads: one read-only snapshot, so every count of a report agrees with the others. */
export type ReportReader = Prisma.TransactionClient;

/** Long enough for the largest network's report; the snapshot is released as soon as it is done. */
const REPORT_TIMEOUT_MS = 120_000;

/** Each database's answers by counts version (a test process opens many databases). */
const answersByDatabase = new WeakMap<PrismaClient, CountsVersionCache<unknown>>();

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
   * `work`'s answer to `question` as of the data now, computed once per version of the kept
   * continuation counts (counts-version-cache.ts): `work` must read nothing but what moves that
   * version on (trials, assessments, adverse effects) and must not depend on who asks within the
   * network. One statement reads the version; concurrent identical questions share one `work`.
   */
  async atCountsVersion<T>(question: string, work: () => Promise<T>): Promise<T> {
    const [row] = await this.prisma.$queryRaw<{ version: bigint }[]>`
      SELECT "version" FROM "ContinuationCountsVersion" WHERE "id" = 1`;
    if (row === undefined) return work();
    let answers = answersByDatabase.get(this.prisma);
    if (answers === undefined) {
      answers = new CountsVersionCache<unknown>();
      answersByDatabase.set(this.prisma, answers);
    }
    // Keyed by organisation too: what a statement reads depends on whose access it runs under.
    return answers.run(row.version, `${this.viewer.organisationId} ${question}`, work) as Promise<T>;
  }

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
