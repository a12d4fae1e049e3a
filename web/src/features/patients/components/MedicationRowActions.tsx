import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { useCanClassify } from '../../drugs/use-drug-entry.ts';
import { useConfirmPossibleOpioid } from '../api/confirm-possible-opioid.ts';
import { useMarkMedicationEnteredInError } from '../api/mark-medication-entered-in-error.ts';
import type { MedicationRecord } from '../api/patient.ts';
import type { RecordedMedication } from '../api/record-medication.ts';
import { AmendMedicationForm } from './AmendMedicationForm.tsx';
import { Disclosure } from './Disclosure.tsx';
import { CORRECTION_WORDING, RELOAD_PATIENT } from './drug-record-wording.ts';
import { EnteredInErrorForm } from './EnteredInErrorForm.tsx';
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
  if (medication.enteredInError) return null;
  return (
    <div className="row-actions">
      {medication.needsReview && clinician && (
        <ConfirmOpioidButton medication={medication} onRecorded={onRecorded} />
      )}
      {medication.active && (
        <Disclosure label="Stop…" accessibleLabel={`Stop ${medication.drug}`}>
          {(close) => <StopMedicationForm medication={medication} close={close} />}
        </Disclosure>
      )}
      <Disclosure label="Amend…" accessibleLabel={`Amend ${medication.drug}`}>
        {(close) => <AmendMedicationForm medication={medication} close={close} />}
      </Disclosure>
      {clinician && (
        <Disclosure label="Entered in error…" accessibleLabel={`Mark ${medication.drug} entered in error`}>
          {(close) => <MedicationEnteredInError medication={medication} close={close} />}
        </Disclosure>
      )}
    </div>
  );
}

function MedicationEnteredInError({
  medication,
  close,
}: {
  medication: MedicationRecord;
  close: (done?: string) => void;
}) {
  const [result, mark] = useMarkMedicationEnteredInError();
  return (
    <EnteredInErrorForm
      what={medication.drug}
      result={result}
      close={close}
      submit={async (reason) => {
        const answer = await mark(
          { medicationId: medication.id, version: medication.version, reason },
          RELOAD_PATIENT,
        );
        return answer.data !== undefined;
      }}
    />
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
