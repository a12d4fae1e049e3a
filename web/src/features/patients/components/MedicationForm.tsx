import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { localToday } from '../../../lib/dates.ts';
import { DrugEntryFields } from '../../drugs/components/DrugEntryFields.tsx';
import { useDrugEntry } from '../../drugs/use-drug-entry.ts';
import { type RecordedMedication, useRecordMedication } from '../api/record-medication.ts';
import type { CloseDisclosure } from './Disclosure.tsx';
import { CORRECTION_WORDING } from './drug-record-wording.ts';
import { formErrorsOf } from './form-errors.ts';

const FIELDS = ['drug', 'dose', 'startedOn', 'classification'] as const;

/**
 * A medication the patient takes. What the name is (ingredients, opioid or not) is shown as it is
 * typed (rules: classifyDrug); the API classifies it again and answers with what it found.
 */
export function MedicationForm({
  patientId,
  close,
  onRecorded,
}: {
  patientId: string;
  close: CloseDisclosure;
  onRecorded: (recorded: RecordedMedication) => void;
}) {
  const id = useId();
  const drugEntry = useDrugEntry('MEDICATION');
  const [dose, setDose] = useState('');
  const [startedOn, setStartedOn] = useState('');
  const [result, recordMedication] = useRecordMedication();
  const errors = formErrorsOf(result.error, FIELDS);
  const { entry } = drugEntry;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (entry.problem !== null) return;
    const answer = await recordMedication({
      patientId,
      input: {
        drug: drugEntry.drug.trim(),
        ...(dose.trim() !== '' && { dose: dose.trim() }),
        ...(startedOn !== '' && { startedOn }),
        ...(entry.input !== undefined && { classification: entry.input }),
      },
    });
    const recorded = answer.data?.recordMedication;
    if (recorded === undefined) return;
    onRecorded(recorded);
    close(`${recorded.medication.drug} recorded${recorded.medication.isOpioid ? ' (an opioid)' : ''}.`);
  };

  return (
    <form className="record-form" onSubmit={(event) => void onSubmit(event)} aria-label="Record medication">
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
          placeholder="5 mg twice daily"
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
      {errors.general !== null && <ErrorNotice error={errors.general} wording={CORRECTION_WORDING} />}
      <div className="record-actions">
        <button type="submit" disabled={result.fetching || entry.problem !== null}>
          {result.fetching ? 'Recording…' : 'Record medication'}
        </button>
        <button type="button" className="button-secondary" onClick={() => close()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
