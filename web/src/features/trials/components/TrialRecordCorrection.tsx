import { Disclosure } from '../../../components/ui/Disclosure.tsx';
import { EnteredInErrorForm } from '../../../components/ui/EnteredInErrorForm.tsx';
import { MarkAdverseEffectEnteredInErrorMutation } from '../api/mark-adverse-effect-entered-in-error.ts';
import { MarkAssessmentEnteredInErrorMutation } from '../api/mark-assessment-entered-in-error.ts';
import { MarkDoseChangeEnteredInErrorMutation } from '../api/mark-dose-change-entered-in-error.ts';
import type { TrialRecord } from '../api/trial.ts';
import type { TrialRecordKind } from '../trial-record-corrections.ts';
import { TRIAL_ACTION_WORDING } from './RefusalNotice.tsx';

const MARKS = {
  DoseChange: MarkDoseChangeEnteredInErrorMutation,
  AdverseEffect: MarkAdverseEffectEnteredInErrorMutation,
  Assessment: MarkAssessmentEnteredInErrorMutation,
} as const;

/** A failed mark reloads the trial too: a CONFLICT brings the version to send next. */
const RELOAD_TRIAL = { additionalTypenames: ['Trial'] };

/**
 * "Entered in error…" on one record of the trial page: a reason, then the mark (clinicians; the
 * page offers it only to them). The answer is the trial, so the page shows it as it now is.
 */
export function MarkTrialRecordEnteredInError({
  trial,
  kind,
  recordId,
  what,
  consequence,
}: {
  trial: Pick<TrialRecord, 'version'>;
  kind: TrialRecordKind;
  recordId: string;
  /** The record as the button and the form name it (trial-record-corrections.ts: recordName). */
  what: string;
  /** What the mark does beyond leaving every count (markConsequence), for the confirmation. */
  consequence: string | null;
}) {
  return (
    <Disclosure label="Entered in error…" accessibleLabel={`Mark ${what} entered in error`}>
      {(close) => (
        <EnteredInErrorForm
          what={what}
          mutation={MARKS[kind]}
          variablesFor={(reason) => ({ id: recordId, trialVersion: trial.version, reason })}
          close={close}
          wording={TRIAL_ACTION_WORDING}
          reload={RELOAD_TRIAL}
          consequences={
            consequence === null ? undefined : <p className="notice notice-info">{consequence}</p>
          }
        />
      )}
    </Disclosure>
  );
}
