import type { Trial } from '@ldn/db';
import { ACTIVE_TRIAL_STATES, compareDates, type IsoDate } from '@ldn/rules';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { ClinicScope } from '../access/clinic-scope.ts';
import { auditListed } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { userNames } from '../graphql/user-names.ts';
import { draftsAwaitingSignature, ordersNeedingAttention } from '../orders/order-worklist.ts';
import { COUNTED } from '../patients/medication-records.ts';
import { CLINIC_ROLES } from './trial.resolver.ts';
import { trialOf } from './trial.type.ts';
import { loadTrialEvents, trialStatusOf } from './trial-events.ts';
import { WorklistItemType } from './worklist.type.ts';
import { routingOf, type WorklistCode, type WorklistRouting } from './worklist-routing.ts';

/** A worklist line before it is routed to who can act on it (worklist-routing.ts). */
type WorklistLine = Omit<WorklistItemType, keyof WorklistRouting | 'code'> & { code: WorklistCode };

/** One worklist request: what every source reads from. */
interface WorklistRequest {
  ctx: Context;
  scope: ClinicScope;
  asOf: IsoDate;
  /** The clinic's trials that have not ended, by id: read once, shared by every source. */
  activeTrials: Promise<Map<string, Trial>>;
}

/** Where worklist lines come from. Orders needing attention (rejected, on hold, refills) join here. */
type WorklistSource = (request: WorklistRequest) => Promise<WorklistLine[]>;

/** Every trial of the clinic that has not ended nor was entered in error, in one query. */
async function activeTrialsOf(ctx: Context, scope: ClinicScope): Promise<Map<string, Trial>> {
  const trials = await ctx.prisma.trial.findMany({
    where: { ...scope.trialWhere, endedOn: null, state: { not: 'DISCONTINUED' } },
  });
  return new Map(trials.map((trial) => [trial.id, trial]));
}

/**
 * The next actions of every trial of the clinic that has not ended (rules: deriveTrialStatus):
 * titration steps due or overdue, assessment windows open or overdue, re-assessments, holds. One
 * query per kind of event, through the request's loaders, however many trials.
 */
const trialActions: WorklistSource = async ({ ctx, asOf, activeTrials }) => {
  const perTrial = await Promise.all(
    [...(await activeTrials).values()].map(async (trial) => {
      const status = trialStatusOf(trial, await loadTrialEvents(ctx, trial.id), asOf);
      return status.actions.map((action) => ({ ...action, trial: trialOf(trial, asOf) }));
    }),
  );
  return perTrial.flat();
};

/**
 * Order items with their trials: the active trials already read, and in one query those of the
 * clinic that have ended (a draft left on one); an item whose trial is out of scope is left out.
 */
async function withTrials<Item extends Omit<WorklistLine, 'trial'> & { trialId: string }>(
  { ctx, scope, asOf, activeTrials }: WorklistRequest,
  items: readonly Item[],
): Promise<WorklistLine[]> {
  const active = await activeTrials;
  const others = [...new Set(items.map((item) => item.trialId).filter((id) => !active.has(id)))];
  const ended =
    others.length === 0
      ? []
      : await ctx.prisma.trial.findMany({ where: { ...scope.trialWhere, id: { in: others } } });
  const byId = new Map([...active, ...ended.map((trial) => [trial.id, trial] as const)]);
  return items.flatMap(({ trialId, ...item }) => {
    const trial = byId.get(trialId);
    return trial === undefined ? [] : [{ ...item, trial: trialOf(trial, asOf) }];
  });
}

/** Orders rejected, on hold, or whose supply runs out soon (orders/order-worklist.ts). */
const orderAttention: WorklistSource = async (request) =>
  withTrials(request, await ordersNeedingAttention(request.ctx.prisma, request.scope.clinicId, request.asOf));

/**
 * Drafts waiting for a clinician's signature, with who prepared them and when (workflows.md: a
 * coordinator's draft waits in the clinician's inbox). Two queries, however many drafts, and a
 * third when a draft was left on a trial that has ended.
 */
const draftsToSign: WorklistSource = async (request) => {
  const { ctx, scope } = request;
  const drafts = await draftsAwaitingSignature(ctx.prisma, scope.clinicId);
  if (drafts.length === 0) return [];
  const people = await userNames(ctx).loadMany(drafts.map((draft) => draft.preparedById));
  const named = drafts.map(({ preparedById: _, ...draft }, index) => {
    const person = people[index];
    const preparedBy = person instanceof Error || person == null ? null : person.name;
    const by = preparedBy ?? 'someone no longer listed';
    return {
      ...draft,
      preparedBy,
      message: `Draft order prepared by ${by}: sign it and send it to the pharmacy.`,
    };
  });
  return withTrials(request, named);
};

/**
 * Clinical-rules §11: a medication a newer drug vocabulary reads as an opioid, still taken by a
 * patient in an active trial, until a clinician reviews it.
 */
const possibleOpioids: WorklistSource = async ({ ctx, scope, asOf, activeTrials }) => {
  const medications = await ctx.prisma.medication.findMany({
    where: { needsReview: true, stoppedOn: null, ...COUNTED, patient: scope.patientWhere },
    orderBy: { createdAt: 'asc' },
  });
  if (medications.length === 0) return [];
  const patientIds = new Set(medications.map((medication) => medication.patientId));
  const byPatient = new Map(
    [...(await activeTrials).values()]
      .filter((trial) => patientIds.has(trial.patientId) && ACTIVE_TRIAL_STATES.includes(trial.state))
      .map((trial) => [trial.patientId, trial]),
  );
  return medications.flatMap((medication) => {
    const trial = byPatient.get(medication.patientId);
    if (trial === undefined) return [];
    return [
      {
        code: 'POSSIBLE_OPIOID_REVIEW' as const,
        date: asOf,
        message: `Possible opioid: review ${medication.drug} (the drug vocabulary now reads it as an opioid).`,
        trial: trialOf(trial, asOf),
        medicationId: medication.id,
      },
    ];
  });
};

const WORKLIST_SOURCES: WorklistSource[] = [trialActions, orderAttention, draftsToSign, possibleOpioids];

@Resolver()
export class WorklistResolver {
  /**
   * What the clinic needs to do as of a date (default today), oldest first. Each item names its
   * patient, so the patients shown are audited as listed (one LIST row), like a page of the search.
   * Every item says who can act on it and, when the viewer's role cannot, whom it waits for.
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
    const request = { ctx, scope, asOf: day, activeTrials: activeTrialsOf(ctx, scope) };
    const lines = (await Promise.all(WORKLIST_SOURCES.map((source) => source(request)))).flat();
    const items = lines.map((line) => ({ ...line, ...routingOf(line.code, scope.viewer.role) }));
    await auditListed(
      ctx.prisma,
      ctx,
      'Patient',
      items.map((item) => item.trial.record.patientId),
    );
    return items.sort((a, b) => compareDates(a.date, b.date) || a.code.localeCompare(b.code));
  }
}
