import type { Trial } from '@ldn/db';
import { ACTIVE_TRIAL_STATES, compareDates, type IsoDate } from '@ldn/rules';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import type { Context } from '../graphql/context.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { draftAwaitingSignature, orderAttentionOf } from '../orders/order-worklist.ts';
import { patientReportAttention } from '../patient-link/patient-worklist.ts';
import { type TrialType, trialOf } from './trial.type.ts';
import { loadTrialStatus } from './trial-events.ts';
import { WorklistItemType } from './worklist.type.ts';
import { loadWorklistData, type WorklistData } from './worklist-data.ts';
import { routingOf, type WorklistCode, type WorklistRouting } from './worklist-routing.ts';

/** A worklist line before it is routed to who can act on it (worklist-routing.ts). */
export type WorklistLine = Omit<WorklistItemType, keyof WorklistRouting | 'code'> & { code: WorklistCode };

/** One worklist request: what every source reads from. */
export interface WorklistRequest {
  ctx: Context;
  scope: ClinicRepository;
  asOf: IsoDate;
  /** The clinic's trials that have not ended, by id: read once, shared by every source. */
  activeTrials: Promise<Map<string, Trial>>;
  /** Everything the worklist's own sources read, in one statement (worklist-data.ts). */
  data: Promise<WorklistData>;
  /** A trial as its items show it: one object per trial, however many items name it. */
  trialOf(trial: Trial): TrialType;
}

/** Where worklist lines come from. Orders needing attention (rejected, on hold, refills) join here. */
export type WorklistSource = (request: WorklistRequest) => Promise<WorklistLine[]>;

/**
 * The next actions of every trial of the clinic that has not ended (rules: deriveTrialStatus):
 * titration steps due or overdue, assessment windows open or overdue, re-assessments, holds. The
 * events come with the worklist's data, through the request's loaders.
 */
const trialActions: WorklistSource = async ({ scope, asOf, activeTrials, trialOf }) => {
  const trials = [...(await activeTrials).values()];
  // At once when the worklist's statement primed the events (worklist-data.ts); else batched.
  const statuses = await allOf(trials.map((trial) => loadTrialStatus(scope, trial, asOf)));
  return trials.flatMap((trial, index) =>
    (statuses[index]?.actions ?? []).map((action) => ({ ...action, trial: trialOf(trial) })),
  );
};

/** The values, waiting only when one of them is still to come. */
const allOf = <T>(values: (T | Promise<T>)[]): T[] | Promise<T[]> =>
  values.some((value) => value instanceof Promise) ? Promise.all(values) : (values as T[]);

/** Order items with their trials (active, or ended with a draft left on them); one out of scope is left out. */
async function withTrials<Item extends Omit<WorklistLine, 'trial'> & { trialId: string }>(
  { data, trialOf }: WorklistRequest,
  items: readonly Item[],
): Promise<WorklistLine[]> {
  const { trials } = await data;
  return items.flatMap(({ trialId, ...item }) => {
    const trial = trials.get(trialId);
    return trial === undefined ? [] : [{ ...item, trial: trialOf(trial) }];
  });
}

/** Orders rejected, on hold, or whose supply runs out soon (orders/order-worklist.ts). */
const orderAttention: WorklistSource = async (request) => {
  const { latestOrders } = await request.data;
  return withTrials(
    request,
    latestOrders.flatMap((order) => orderAttentionOf(order, request.asOf)),
  );
};

/**
 * Drafts waiting for a clinician's signature, with who prepared them and when (workflows.md: a
 * coordinator's draft waits in the clinician's inbox).
 */
const draftsToSign: WorklistSource = async (request) => {
  const { drafts } = await request.data;
  const named = drafts.map(({ preparedBy, ...draft }) => {
    const { preparedById: _, ...line } = draftAwaitingSignature(draft);
    const by = preparedBy ?? 'someone no longer listed';
    return {
      ...line,
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
const possibleOpioids: WorklistSource = async ({ asOf, activeTrials, data, trialOf }) => {
  const { medications } = await data;
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
        trial: trialOf(trial),
        medicationId: medication.id,
      },
    ];
  });
};

const WORKLIST_SOURCES: WorklistSource[] = [
  trialActions,
  orderAttention,
  draftsToSign,
  possibleOpioids,
  patientReportAttention,
];

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
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<WorklistItemType[]> {
    const day = asOf ?? ctx.clock.today();
    const data = loadWorklistData(scope, ctx.clock.now());
    const shown = new Map<string, TrialType>();
    const request: WorklistRequest = {
      ctx,
      scope,
      asOf: day,
      data,
      activeTrials: data.then(({ active }) => active),
      trialOf: (trial) => {
        let type = shown.get(trial.id);
        if (type === undefined) {
          type = trialOf(trial, day);
          shown.set(trial.id, type);
        }
        return type;
      },
    };
    const lines = (await Promise.all(WORKLIST_SOURCES.map((source) => source(request)))).flat();
    const items = lines.map((line) => ({ ...line, ...routingOf(line.code, scope.viewer.role) }));
    await scope.auditListed(
      'Patient',
      items.map((item) => item.trial.record.patientId),
    );
    return items.sort((a, b) => compareDates(a.date, b.date) || a.code.localeCompare(b.code));
  }
}
