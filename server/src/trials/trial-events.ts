import type { Assessment, DoseChange, Prisma, Trial, TrialHold } from '@ldn/db';
import {
  type DatedDose,
  deriveTrialStatus,
  dosesInOrder,
  type IsoDate,
  planTitration,
  type TitrationInput,
  type TitrationPlan,
  type TrialStatus,
  type TrialStatusInput,
  trialStatusInputOf,
} from '@ldn/rules';
import type { LoaderSource } from '../access/loaders.ts';
import { isoDateOf } from '../graphql/scalars.ts';
import { withRuleInput } from '../platform/rule-decisions.ts';
import { trialLoaders } from './trial.loaders.ts';

/**
 * What the rules need of a trial's history to derive its status: every recorded event, those
 * entered in error too, flagged so (dosesOf, statusInputOf) for the rules to leave them out.
 */
export interface TrialEvents {
  doseChanges: DoseChange[];
  holds: TrialHold[];
  assessments: Assessment[];
}

/** The events of a trial through the request's loaders (batched across trials). */
export async function loadTrialEvents(ctx: LoaderSource, trialId: string): Promise<TrialEvents> {
  const loaders = trialLoaders(ctx);
  const [doseChanges, holds, assessments] = await Promise.all([
    loaders.doseChanges.load(trialId),
    loaders.holds.load(trialId),
    loaders.assessments.load(trialId),
  ]);
  return { doseChanges, holds, assessments };
}

/** The events of a trial inside a change's transaction (fresh, not from the request's cache). */
export async function readTrialEvents(tx: Prisma.TransactionClient, trialId: string): Promise<TrialEvents> {
  const where = { trialId };
  const [doseChanges, holds, assessments] = await Promise.all([
    tx.doseChange.findMany({ where, orderBy: { changedOn: 'asc' } }),
    tx.trialHold.findMany({ where, orderBy: { heldOn: 'asc' } }),
    tx.assessment.findMany({ where, orderBy: { assessedOn: 'asc' } }),
  ]);
  return { doseChanges, holds, assessments };
}

/** The recorded events as the rules package's deriveTrialStatus input. */
export function statusInputOf(trial: Trial, events: TrialEvents, asOf: IsoDate): TrialStatusInput {
  return trialStatusInputOf(
    {
      startDate: isoDateOf(trial.startDate),
      doseChanges: dosesOf(events.doseChanges),
      maintenanceDoseMg: trial.maintenanceDoseMg?.toNumber() ?? null,
      maintenanceDeclaredOn:
        trial.maintenanceDeclaredOn === null ? null : isoDateOf(trial.maintenanceDeclaredOn),
      holds: events.holds.map((hold) => ({
        heldOn: isoDateOf(hold.heldOn),
        resumedOn: hold.resumedOn === null ? null : isoDateOf(hold.resumedOn),
      })),
      assessments: events.assessments.map((a) => ({
        assessedOn: isoDateOf(a.assessedOn),
        decision: a.decision,
        enteredInError: a.enteredInErrorAt !== null,
      })),
      endedOn: trial.endedOn === null ? null : isoDateOf(trial.endedOn),
      enteredInError: trial.enteredInErrorAt !== null,
    },
    asOf,
  );
}

/** A trial's statuses derived in a request, by date, for the version they were derived from. */
interface Derived {
  version: number;
  byDate: Map<IsoDate, TrialStatus | Promise<TrialStatus>>;
}

/** Per request (its loaders), by trial id. */
const statusesOf = new WeakMap<object, Map<string, Derived>>();

/** The events of a trial when the request's loaders already hold all three kinds, else undefined. */
function knownTrialEvents(ctx: LoaderSource, trialId: string): TrialEvents | undefined {
  const loaders = trialLoaders(ctx);
  const doseChanges = loaders.doseChanges.known(trialId);
  const holds = loaders.holds.known(trialId);
  const assessments = loaders.assessments.known(trialId);
  if (doseChanges === undefined || holds === undefined || assessments === undefined) return undefined;
  return { doseChanges, holds, assessments };
}

/**
 * The trial's status as of a date, derived once per request (the request's loaders hold it): a
 * worklist names one trial in several items, each asking for its status. Keyed by the trial's
 * version too, so a trial changed within the request is derived again. At once (no promise) when
 * the loaders already hold the trial's events, as a page's statement primes them (issue #16).
 */
export function loadTrialStatus(
  ctx: LoaderSource,
  trial: Trial,
  asOf: IsoDate,
): TrialStatus | Promise<TrialStatus> {
  let statuses = statusesOf.get(ctx.loaders);
  if (statuses === undefined) {
    statuses = new Map();
    statusesOf.set(ctx.loaders, statuses);
  }
  let derived = statuses.get(trial.id);
  if (derived === undefined || derived.version !== trial.version) {
    derived = { version: trial.version, byDate: new Map() };
    statuses.set(trial.id, derived);
  }
  let status = derived.byDate.get(asOf);
  if (status === undefined) {
    const events = knownTrialEvents(ctx, trial.id);
    status =
      events === undefined
        ? loadTrialEvents(ctx, trial.id).then((loaded) => trialStatusOf(trial, loaded, asOf))
        : trialStatusOf(trial, events, asOf);
    derived.byDate.set(asOf, status);
  }
  return status;
}

/**
 * The trial's status as of a date (rules package). On a write, `field` names the input that made
 * the history impossible (a resumption before its hold, an end before the start) → BAD_USER_INPUT.
 */
export function trialStatusOf(trial: Trial, events: TrialEvents, asOf: IsoDate, field = 'asOf'): TrialStatus {
  return withRuleInput(field, () => deriveTrialStatus(statusInputOf(trial, events, asOf)));
}

/** The recorded dose changes that count (not entered in error), in date order, as the rules take them. */
export const dosesOf = (doseChanges: readonly DoseChange[]): DatedDose[] =>
  dosesInOrder(
    doseChanges.map((change) => ({
      date: isoDateOf(change.changedOn),
      doseMg: change.doseMg.toNumber(),
      enteredInError: change.enteredInErrorAt !== null,
    })),
  );

/** A trial and its recorded changes as the rules package's schedule input (planTitration, orders). */
export const titrationInputOf = (
  trial: Pick<Trial, 'startDate' | 'maintenanceDoseMg'>,
  doseChanges: DatedDose[],
): TitrationInput => ({
  startDate: isoDateOf(trial.startDate),
  doseChanges,
  ...(trial.maintenanceDoseMg === null ? {} : { maintenanceDoseMg: trial.maintenanceDoseMg.toNumber() }),
});

/**
 * The whole titration schedule from every recorded change (rules: planTitration); on a write,
 * `field` names the input that broke the history (INVALID_DOSE_HISTORY, INVALID_DOSE).
 */
export function titrationPlanOf(
  trial: Pick<Trial, 'startDate' | 'maintenanceDoseMg'>,
  doseChanges: DatedDose[],
  field = 'id',
): TitrationPlan {
  return withRuleInput(field, () => planTitration(titrationInputOf(trial, doseChanges)));
}
