import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { AnalyticsRepo } from '../access/repository-decorators.ts';
import type { Context } from '../graphql/context.ts';
import type { AnalyticsRepository } from './analytics-repository.ts';
import { continuationCsv } from './continuation-csv.ts';
import { ContinuationFilter, cohortOf } from './continuation-filter.input.ts';
import { continuationReport } from './continuation-report.ts';
import { ContinuationReportCsvType, ContinuationReportType } from './continuation-report.types.ts';

async function report(
  ctx: Context,
  scope: AnalyticsRepository,
  filter: ContinuationFilter | null | undefined,
  entity: string,
) {
  const cohort = cohortOf(filter, ctx.clock.today());
  const result = await continuationReport(scope, cohort, ctx.clock.now());
  await scope.audit('READ', entity, null);
  return result;
}

@Resolver()
export class ContinuationReportResolver {
  /** clinical-rules.md §8 for the network: continuation of LDN and outcomes, de-identified. */
  @Authorized('ADMIN')
  @Query(() => ContinuationReportType)
  continuationReport(
    @Arg('filter', () => ContinuationFilter, { nullable: true }) filter:
      | ContinuationFilter
      | null
      | undefined,
    @AnalyticsRepo() scope: AnalyticsRepository,
    @Ctx() ctx: Context,
  ): Promise<ContinuationReportType> {
    return report(ctx, scope, filter, 'ContinuationReport');
  }

  /** The same figures as a CSV file, with the filter and the dates in its header lines. */
  @Authorized('ADMIN')
  @Query(() => ContinuationReportCsvType)
  async continuationReportCsv(
    @Arg('filter', () => ContinuationFilter, { nullable: true }) filter:
      | ContinuationFilter
      | null
      | undefined,
    @AnalyticsRepo() scope: AnalyticsRepository,
    @Ctx() ctx: Context,
  ): Promise<ContinuationReportCsvType> {
    return continuationCsv(await report(ctx, scope, filter, 'ContinuationReportCsv'));
  }
}
