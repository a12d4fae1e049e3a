import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { localToday } from '../../../lib/dates.ts';
import { DrugEntryFields } from '../../drugs/components/DrugEntryFields.tsx';
import { useDrugEntry } from '../../drugs/use-drug-entry.ts';
import { type MedicationAmendmentInput, useAmendMedication } from '../api/amend-medication.ts';
import type { MedicationRecord } from '../api/patient.ts';
import type { CloseDisclosure } from './Disclosure.tsx';
import { CORRECTION_WORDING, RELOAD_PATIENT } from './drug-record-wording.ts';
import { formErrorsOf } from './form-errors.ts';
import { ReasonField } from './ReasonField.tsx';

const FIELDS = ['drug', 'dose', 'startedOn', 'classification', 'reason'] as const;

/** Only what changed; an emptied optional field is cleared. */
function changesOf(
  medication: MedicationRecord,
  draft: { drug: string; dose: string; startedOn: string },
): MedicationAmendmentInput {
  const dose = draft.dose.trim() === '' ? null : draft.dose.trim();
  const startedOn = draft.startedOn === '' ? null : draft.startedOn;
  return {
    ...(draft.drug.trim() !== medication.drug && { drug: draft.drug.trim() }),
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
  const [dose, setDose] = useState(medication.dose ?? '');
  const [startedOn, setStartedOn] = useState(medication.startedOn ?? '');
  const [reason, setReason] = useState('');
  const [result, amendMedication] = useAmendMedication();
  const errors = formErrorsOf(result.error, FIELDS);
  const { entry } = drugEntry;
  const changes = changesOf(medication, { drug: drugEntry.drug, dose, startedOn });
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
      <DrugEntryFields
        idPrefix={id}
        state={drugEntry}
        errors={{ drug: errors.fields.drug, classification: errors.fields.classification }}
      />
      <div className="record-grid">
        <TextField
          id={`${id}-dose`}
          label="Dose"
          autoComplete="off"
          value={dose}
          onChange={setDose}
          error={errors.fields.dose}
        />
        <TextField
          id={`${id}-started`}
          label="Started on"
          type="date"
          max={localToday()}
          value={startedOn}
          onChange={setStartedOn}
          error={errors.fields.startedOn}
        />
      </div>
      <ReasonField
        id={`${id}-reason`}
        label="Reason for the correction"
        value={reason}
        onChange={setReason}
        error={errors.fields.reason}
      />
      {errors.general !== null && <ErrorNotice error={errors.general} wording={CORRECTION_WORDING} />}
      <div className="record-actions">
        <button type="submit" disabled={result.fetching || !ready}>
          {result.fetching ? 'Saving…' : 'Save correction'}
        </button>
        <button type="button" className="button-secondary" onClick={() => close()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
