import { ACTIVE_TRIAL_STATES, compareDates, type IsoDate } from '@ldn/rules';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { ClinicScope } from '../access/clinic-scope.ts';
import { auditListed } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { ordersNeedingAttention } from '../orders/order-worklist.ts';
import { COUNTED } from '../patients/medication-records.ts';
import { CLINIC_ROLES } from './trial.resolver.ts';
import { trialOf } from './trial.type.ts';
import { loadTrialEvents, trialStatusOf } from './trial-events.ts';
import { WorklistItemType } from './worklist.type.ts';

/** Where worklist lines come from. Orders needing attention (rejected, on hold, refills) join here. */
type WorklistSource = (ctx: Context, scope: ClinicScope, asOf: IsoDate) => Promise<WorklistItemType[]>;

/**
 * The next actions of every trial of the clinic that has not ended (rules: deriveTrialStatus):
 * titration steps due or overdue, assessment windows open or overdue, re-assessments, holds. One
 * query for the trials and one per kind of event, through the request's loaders, however many.
 */
const trialActions: WorklistSource = async (ctx, scope, asOf) => {
  const trials = await ctx.prisma.trial.findMany({
    where: { ...scope.trialWhere, endedOn: null, state: { not: 'DISCONTINUED' } },
  });
  const perTrial = await Promise.all(
    trials.map(async (trial) => {
      const status = trialStatusOf(trial, await loadTrialEvents(ctx, trial.id), asOf);
      return status.actions.map((action) => ({ ...action, trial: trialOf(trial, asOf) }));
    }),
  );
  return perTrial.flat();
};

/** Orders rejected, on hold, or whose supply runs out soon (orders/order-worklist.ts). */
const orderAttention: WorklistSource = async (ctx, scope, asOf) => {
  const items = await ordersNeedingAttention(ctx.prisma, scope.clinicId, asOf);
  const trials = await ctx.prisma.trial.findMany({
    where: { ...scope.trialWhere, id: { in: items.map((i) => i.trialId) } },
  });
  const byId = new Map(trials.map((trial) => [trial.id, trial]));
  return items.flatMap(({ trialId, ...item }) => {
    const trial = byId.get(trialId);
    return trial === undefined ? [] : [{ ...item, trial: trialOf(trial, asOf) }];
  });
};

/**
 * Clinical-rules §11: a medication a newer drug vocabulary reads as an opioid, still taken by a
 * patient in an active trial, until a clinician reviews it.
 */
const possibleOpioids: WorklistSource = async (ctx, scope, asOf) => {
  const medications = await ctx.prisma.medication.findMany({
    where: { needsReview: true, stoppedOn: null, ...COUNTED, patient: scope.patientWhere },
    orderBy: { createdAt: 'asc' },
  });
  if (medications.length === 0) return [];
  const trials = await ctx.prisma.trial.findMany({
    where: {
      ...scope.trialWhere,
      patientId: { in: medications.map((medication) => medication.patientId) },
      state: { in: [...ACTIVE_TRIAL_STATES] },
    },
  });
  const byPatient = new Map(trials.map((trial) => [trial.patientId, trial]));
  return medications.flatMap((medication) => {
    const trial = byPatient.get(medication.patientId);
    if (trial === undefined) return [];
    return [
      {
        code: 'POSSIBLE_OPIOID_REVIEW',
        date: asOf,
        message: `Possible opioid: review ${medication.drug} (the drug vocabulary now reads it as an opioid).`,
        trial: trialOf(trial, asOf),
        medicationId: medication.id,
      },
    ];
  });
};

const WORKLIST_SOURCES: WorklistSource[] = [trialActions, orderAttention, possibleOpioids];

@Resolver()
export class WorklistResolver {
  /**
   * What the clinic needs to do as of a date (default today), oldest first. Each item names its
   * patient, so the patients shown are audited as listed (one LIST row), like a page of the search.
   */
  @Authorized(...CLINIC_ROLES)
  @Query(() => [WorklistItemType], {
    description: 'What your clinic needs to do as of a date (default today), sorted by date.',
  })
  async worklist(
    @Arg('asOf', () => LocalDate, { nullable: true, description: 'Default: today.' }) asOf: IsoDate | null,
    @Ctx() ctx: Context,
  ): Promise<WorklistItemType[]> {
    const scope = ClinicScope.of(ctx);
    const day = asOf ?? ctx.clock.today();
    const items = (await Promise.all(WORKLIST_SOURCES.map((source) => source(ctx, scope, day)))).flat();
    await auditListed(
      ctx.prisma,
      ctx,
      'Patient',
      items.map((item) => item.trial.record.patientId),
    );
    return items.sort((a, b) => compareDates(a.date, b.date) || a.code.localeCompare(b.code));
  }
}
