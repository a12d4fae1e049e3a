import { type FormEvent, useId, useState } from 'react';
import type { CloseDisclosure } from '../../../components/ui/Disclosure.tsx';
import { formErrorsOf } from '../../../lib/form-errors.ts';
import { DrugEntryFields } from '../../drugs/components/DrugEntryFields.tsx';
import { useDrugEntry } from '../../drugs/use-drug-entry.ts';
import { type MedicationAmendmentInput, useAmendMedication } from '../api/amend-medication.ts';
import type { MedicationRecord } from '../api/patient.ts';
import { AmendmentFooter } from './AmendmentFooter.tsx';
import { RELOAD_PATIENT } from './drug-record-wording.ts';
import { type MedicationDetails, MedicationDetailsFields } from './MedicationDetailsFields.tsx';

const FIELDS = ['drug', 'dose', 'startedOn', 'classification', 'reason'] as const;

/** Only what changed; an emptied optional field is cleared. */
function changesOf(
  medication: MedicationRecord,
  drug: string,
  details: MedicationDetails,
): MedicationAmendmentInput {
  const dose = details.dose.trim() === '' ? null : details.dose.trim();
  const startedOn = details.startedOn === '' ? null : details.startedOn;
  return {
    ...(drug.trim() !== medication.drug && { drug: drug.trim() }),
    ...(dose !== medication.dose && { dose }),
    ...(startedOn !== medication.startedOn && { startedOn }),
  };
}

/**
 * Corrects a medication with a reason (the previous values are kept). A corrected name goes
 * through the same type-ahead and preview; the version read is sent (a stale one: CONFLICT).
 */
export function AmendMedicationForm({
  medication,
  close,
}: {
  medication: MedicationRecord;
  close: CloseDisclosure;
}) {
  const id = useId();
  const drugEntry = useDrugEntry('MEDICATION', medication.drug);
  const [details, setDetails] = useState<MedicationDetails>({
    dose: medication.dose ?? '',
    startedOn: medication.startedOn ?? '',
  });
  const [reason, setReason] = useState('');
  const [result, amendMedication] = useAmendMedication();
  const errors = formErrorsOf(result.error, FIELDS);
  const { entry } = drugEntry;
  const changes = changesOf(medication, drugEntry.drug, details);
  const input = { ...changes, ...(entry.input !== undefined && { classification: entry.input }) };
  const ready = entry.problem === null && Object.keys(input).length > 0 && reason.trim() !== '';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready) return;
    const answer = await amendMedication(
      { medicationId: medication.id, version: medication.version, input, reason: reason.trim() },
      RELOAD_PATIENT,
    );
    if (answer.data !== undefined) close(`${answer.data.amendMedication.medication.drug} amended.`);
  };

  return (
    <form
      className="record-form"
      onSubmit={(event) => void onSubmit(event)}
      aria-label={`Amend ${medication.drug}`}
    >
      <DrugEntryFields idPrefix={id} state={drugEntry} errors={errors.fields} />
      <MedicationDetailsFields idPrefix={id} details={details} onChange={setDetails} errors={errors.fields} />
      <AmendmentFooter
        idPrefix={id}
        reason={reason}
        onReasonChange={setReason}
        errors={errors}
        busy={result.fetching}
        ready={ready}
        close={close}
      />
    </form>
  );
}
