import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { AnalyticsScope } from './analytics-scope.ts';
import { continuationCsv } from './continuation-csv.ts';
import { ContinuationFilter, cohortOf } from './continuation-filter.input.ts';
import { continuationReport } from './continuation-report.ts';
import { ContinuationReportCsvType, ContinuationReportType } from './continuation-report.types.ts';

async function report(ctx: Context, filter: ContinuationFilter | null | undefined, entity: string) {
  const scope = AnalyticsScope.of(ctx);
  const cohort = cohortOf(filter, ctx.clock.today());
  const result = await continuationReport(scope, cohort, ctx.clock.now());
  await audit(ctx.prisma, ctx, 'READ', entity, null);
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
    @Ctx() ctx: Context,
  ): Promise<ContinuationReportType> {
    return report(ctx, filter, 'ContinuationReport');
  }

  /** The same figures as a CSV file, with the filter and the dates in its header lines. */
  @Authorized('ADMIN')
  @Query(() => ContinuationReportCsvType)
  async continuationReportCsv(
    @Arg('filter', () => ContinuationFilter, { nullable: true }) filter:
      | ContinuationFilter
      | null
      | undefined,
    @Ctx() ctx: Context,
  ): Promise<ContinuationReportCsvType> {
    return continuationCsv(await report(ctx, filter, 'ContinuationReportCsv'));
  }
}
