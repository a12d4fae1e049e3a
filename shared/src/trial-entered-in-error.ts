import { finding, type RuleFinding } from './findings.ts';
import { ACTIVE_TRIAL_STATES, type TrialState } from './vocabulary.ts';

// A trial entered in error (workflows.md, corrections): one started by mistake. It stays on the
// record, struck through, and counts nowhere: not active, no next action, no block on a new start,
// in no figure. Discontinuing is for a trial that happened; voiding for one that did not.

/**
 * Order states at or past the pharmacy's bench: LDN may have been compounded, handed over and taken,
 * so the trial happened and is discontinued, not voided.
 */
export const ORDER_STATES_AT_THE_BENCH = ['COMPOUNDING', 'READY', 'DISPENSED'] as const;

/** An order of the trial as the check reads it; a held order remembers where it was held from. */
export interface TrialOrderProgress {
  state: string;
  stateBeforeHold?: string | null;
}

const atTheBench = (state: string | null | undefined) =>
  state != null && (ORDER_STATES_AT_THE_BENCH as readonly string[]).includes(state);

/** True when the order reached the pharmacy's bench, including one held there with its trial. */
export function orderReachedTheBench(order: TrialOrderProgress): boolean {
  return atTheBench(order.state) || (order.state === 'ON_HOLD' && atTheBench(order.stateBeforeHold));
}

/**
 * What stands against marking a trial entered in error: TRIAL_HAS_SUPPLY (hard stop) once any of
 * its orders reached the pharmacy's bench. Orders not yet there are cancelled with the trial.
 */
export function checkTrialEnteredInError(orders: readonly TrialOrderProgress[]): RuleFinding[] {
  const supplied = orders.filter(orderReachedTheBench).length;
  if (supplied === 0) return [];
  return [
    finding(
      'TRIAL_HAS_SUPPLY',
      `${supplied === 1 ? 'One order has' : `${supplied} orders have`} reached the pharmacy's bench: discontinue the trial instead.`,
    ),
  ];
}

/** A trial as the counting rules read it. */
export interface CountedTrial {
  state: TrialState;
  enteredInError: boolean;
}

/** True while a trial is active (started, not discontinued, on hold or not) and not entered in error. */
export function isTrialActive(trial: CountedTrial): boolean {
  return !trial.enteredInError && ACTIVE_TRIAL_STATES.includes(trial.state);
}

/**
 * True when the trial keeps its patient from starting another: a patient has at most one trial
 * that has not ended. A trial entered in error never happened, so a new one can start.
 */
export function blocksAnotherStart(trial: CountedTrial & { endedOn: string | null }): boolean {
  return !trial.enteredInError && trial.endedOn === null && trial.state !== 'DISCONTINUED';
}
