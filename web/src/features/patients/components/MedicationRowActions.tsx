import { Disclosure } from '../../../components/ui/Disclosure.tsx';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { useCanClassify } from '../../drugs/use-drug-entry.ts';
import { useConfirmPossibleOpioid } from '../api/confirm-possible-opioid.ts';
import { MarkMedicationEnteredInErrorMutation } from '../api/mark-medication-entered-in-error.ts';
import type { MedicationRecord } from '../api/patient.ts';
import type { RecordedMedication } from '../api/record-medication.ts';
import { AmendMedicationForm } from './AmendMedicationForm.tsx';
import { DrugRecordActions } from './DrugRecordActions.tsx';
import { CORRECTION_WORDING, RELOAD_PATIENT } from './drug-record-wording.ts';
import { StopMedicationForm } from './StopMedicationForm.tsx';

/**
 * What may be done to one medication: stop it, correct it, mark it entered in error (clinicians),
 * and for one a newer vocabulary reads as an opioid, confirm it (clinicians) or correct it.
 */
export function MedicationRowActions({
  medication,
  onRecorded,
}: {
  medication: MedicationRecord;
  onRecorded: (recorded: RecordedMedication) => void;
}) {
  const clinician = useCanClassify();
  return (
    <DrugRecordActions
      record={medication}
      amendForm={(close) => <AmendMedicationForm medication={medication} close={close} />}
      markMutation={MarkMedicationEnteredInErrorMutation}
      markVariables={(reason) => ({ medicationId: medication.id, version: medication.version, reason })}
    >
      {medication.needsReview && clinician && (
        <ConfirmOpioidButton medication={medication} onRecorded={onRecorded} />
      )}
      {medication.active && (
        <Disclosure label="Stop…" accessibleLabel={`Stop ${medication.drug}`}>
          {(close) => <StopMedicationForm medication={medication} close={close} />}
        </Disclosure>
      )}
    </DrugRecordActions>
  );
}

/** §11: the clinician confirms the newly recognised opioid; an active trial goes on hold. */
function ConfirmOpioidButton({
  medication,
  onRecorded,
}: {
  medication: MedicationRecord;
  onRecorded: (recorded: RecordedMedication) => void;
}) {
  const [result, confirm] = useConfirmPossibleOpioid();
  const onClick = async () => {
    const answer = await confirm(
      { medicationId: medication.id, version: medication.version },
      RELOAD_PATIENT,
    );
    if (answer.data !== undefined) onRecorded(answer.data.confirmPossibleOpioid);
  };
  return (
    <>
      <button
        type="button"
        className="button-danger"
        disabled={result.fetching}
        aria-label={`Confirm ${medication.drug} is an opioid`}
        onClick={() => void onClick()}
      >
        {result.fetching ? 'Confirming…' : 'Confirm it is an opioid'}
      </button>
      {result.error !== undefined && <ErrorNotice error={result.error} wording={CORRECTION_WORDING} />}
    </>
  );
}
