import { assessmentEndedTrial } from '@ldn/rules';
import { formatDate, formatDose } from '../../lib/format.ts';
import type { Role } from '../auth/api/me.ts';
import type { TrialRecord } from './api/trial.ts';

// Marking a trial's dose change, adverse effect or assessment entered in error (workflows.md,
// corrections): who is offered it, what each record is called, and what the mark does beyond
// taking the record out of every count.

/** The records of a trial a clinician may mark entered in error (the start dose is the trial). */
export type TrialRecordKind = 'DoseChange' | 'AdverseEffect' | 'Assessment';

/** Clinicians, on a trial that counts (one entered in error as a whole offers nothing more). */
export function mayMarkTrialRecords(trial: Pick<TrialRecord, 'enteredInError'>, role: Role | null): boolean {
  return role === 'CLINICIAN' && !trial.enteredInError;
}

type DoseChange = TrialRecord['doseChanges'][number];
type AdverseEffect = TrialRecord['adverseEffects'][number];
type Assessment = TrialRecord['assessments'][number];

/** How the page names a record in its buttons and messages: "the dose change to 4.5 mg of 29 Mar 2026". */
export const recordName = {
  DoseChange: (change: Pick<DoseChange, 'doseMg' | 'changedOn'>) =>
    `the dose change to ${formatDose(change.doseMg)} of ${formatDate(change.changedOn)}`,
  AdverseEffect: (effect: Pick<AdverseEffect, 'onsetOn'>, label: string) =>
    `the adverse effect ${label.toLowerCase()} of ${formatDate(effect.onsetOn)}`,
  Assessment: (assessment: Pick<Assessment, 'assessedOn'>) =>
    `the assessment of ${formatDate(assessment.assessedOn)}`,
};

/**
 * What the mark does beyond leaving every count, for its confirmation: a dose change's removal
 * re-derives the dose and the steps; the assessment that ended the trial (rules:
 * assessmentEndedTrial) reopens it, and orders cancelled since stay cancelled.
 */
export function markConsequence(
  trial: Pick<TrialRecord, 'endedOn'>,
  kind: TrialRecordKind,
  record: { assessedOn?: string; decision?: string; enteredInError: boolean },
): string | null {
  if (kind === 'DoseChange') {
    return 'The current dose and the titration steps are worked out again from the other dose changes.';
  }
  if (kind !== 'Assessment' || record.assessedOn === undefined || record.decision !== 'DISCONTINUE')
    return null;
  const ended = assessmentEndedTrial(trial, {
    assessedOn: record.assessedOn,
    decision: record.decision,
    enteredInError: record.enteredInError,
  });
  return ended
    ? `This assessment ended the trial on ${formatDate(record.assessedOn)}: the trial reopens, in the state its other records give. Orders cancelled since then stay cancelled.`
    : null;
}
