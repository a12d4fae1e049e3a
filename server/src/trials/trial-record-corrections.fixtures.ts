import type { Api } from '../test/builders.ts';
import { OPERATIONS, startInput } from './trial.builders.ts';

// The operations of trial-record corrections as the portal sends them, and a trial to correct, for
// the corrections' integration tests.

export type TrialRecordKind = 'DoseChange' | 'AdverseEffect' | 'Assessment';

const MARKED = 'enteredInError enteredInErrorAt enteredInErrorByName enteredInErrorReason';

/** The trial as a mark answers it: what its records and its derived state now are. */
export const TRIAL_AFTER_MARK = `id state version endedOn discontinuationReason
  status { state currentDoseMg targetReachedOn discontinuedOn nextStep { date doseMg overdue }
    assessmentWindow { opensOn dueBy open overdue } actions { code date } timeline { from doseMg status } }
  plan { steps { from doseMg } targetReachedOn }
  doseChanges { id changedOn doseMg ${MARKED} }
  adverseEffects { id kind ${MARKED} }
  assessments { id assessedOn decision responseClass ${MARKED} }`;

const ID_ARGUMENT: Record<TrialRecordKind, string> = {
  DoseChange: 'doseChangeId',
  AdverseEffect: 'adverseEffectId',
  Assessment: 'assessmentId',
};

/** The mark of one kind of record: `$id`, `$trialVersion`, `$reason`. */
export const markOperation = (kind: TrialRecordKind, selection = TRIAL_AFTER_MARK) =>
  `mutation ($id: ID!, $trialVersion: Int!, $reason: String!) {
    mark${kind}EnteredInError(${ID_ARGUMENT[kind]}: $id, trialVersion: $trialVersion, reason: $reason) {
      ${selection} } }`;

export interface MarkedRecord {
  id: string;
  enteredInError: boolean;
  enteredInErrorAt: string | null;
  enteredInErrorByName: string | null;
  enteredInErrorReason: string | null;
}

export interface TrialAfterMark {
  id: string;
  state: string;
  version: number;
  endedOn: string | null;
  discontinuationReason: string | null;
  status: {
    state: string;
    currentDoseMg: number;
    targetReachedOn: string | null;
    discontinuedOn: string | null;
    nextStep: { date: string; doseMg: number; overdue: boolean } | null;
    assessmentWindow: { opensOn: string; dueBy: string; open: boolean; overdue: boolean } | null;
    actions: { code: string; date: string }[];
    timeline: { from: string; doseMg: number; status: string }[];
  };
  plan: { steps: { from: string; doseMg: number }[]; targetReachedOn: string | null };
  doseChanges: (MarkedRecord & { changedOn: string; doseMg: number })[];
  adverseEffects: (MarkedRecord & { kind: string })[];
  assessments: (MarkedRecord & { assessedOn: string; decision: string; responseClass: string })[];
}

/** Marks a record entered in error as `api`; resolves with the trial it answers. */
export async function markEnteredInError(
  api: Api,
  kind: TrialRecordKind,
  id: string,
  trialVersion: number,
  reason = 'Recorded on the wrong trial',
): Promise<TrialAfterMark> {
  const data = await api<Record<string, TrialAfterMark>>(markOperation(kind), { id, trialVersion, reason });
  return data[`mark${kind}EnteredInError`] as TrialAfterMark;
}

/** Reads a trial as a mark answers it. */
export async function trialAfterMark(api: Api, id: string): Promise<TrialAfterMark> {
  return (
    await api<{ trial: TrialAfterMark }>(`query ($id: ID!) { trial(id: $id) { ${TRIAL_AFTER_MARK} } }`, {
      id,
    })
  ).trial;
}

/**
 * Starts a trial on 2026-03-01 for a ready patient and records the default steps through the API
 * (3.0 mg from 03-15, 4.5 mg from 03-29: the window opens 04-26, due 05-24).
 */
export async function aTrialAtTarget(clinician: Api, patientId: string): Promise<TrialAfterMark> {
  const { startTrial } = await clinician<{ startTrial: { id: string } }>(OPERATIONS.start, {
    patientId,
    input: startInput(),
  });
  for (const [changedOn, doseMg] of [
    ['2026-03-15', 3],
    ['2026-03-29', 4.5],
  ] as const) {
    await clinician(OPERATIONS.changeDose, { trialId: startTrial.id, input: { changedOn, doseMg } });
  }
  return trialAfterMark(clinician, startTrial.id);
}
