import { isOpioid } from '@ldn/rules';
import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { localToday } from '../../../lib/dates.ts';
import { type RecordedMedication, useRecordMedication } from '../api/record-medication.ts';
import type { CloseDisclosure } from './Disclosure.tsx';
import { formErrorsOf } from './form-errors.ts';

const FIELDS = ['drug', 'dose', 'startedOn'] as const;

/**
 * A medication the patient takes. Whether the name is an opioid is shown as it is typed (rules:
 * isOpioid); the API decides again and answers with what it found.
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
  const [drug, setDrug] = useState('');
  const [dose, setDose] = useState('');
  const [startedOn, setStartedOn] = useState('');
  const [result, recordMedication] = useRecordMedication();
  const errors = formErrorsOf(result.error, FIELDS);
  const looksLikeOpioid = drug.trim() !== '' && isOpioid(drug);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (drug.trim() === '') return;
    const answer = await recordMedication({
      patientId,
      input: {
        drug: drug.trim(),
        ...(dose.trim() !== '' && { dose: dose.trim() }),
        ...(startedOn !== '' && { startedOn }),
      },
    });
    const recorded = answer.data?.recordMedication;
    if (recorded === undefined) return;
    onRecorded(recorded);
    close(`${recorded.medication.drug} recorded${recorded.medication.isOpioid ? ' (an opioid)' : ''}.`);
  };

  return (
    <form className="record-form" onSubmit={(event) => void onSubmit(event)} aria-label="Record medication">
      <div className="record-grid">
        <TextField
          id={`${id}-drug`}
          label="Drug"
          required
          autoComplete="off"
          value={drug}
          onChange={setDrug}
          error={errors.fields.drug}
          hint={
            looksLikeOpioid ? (
              <strong className="opioid-hint">An opioid: LDN cannot start while it is taken.</strong>
            ) : (
              'As prescribed, e.g. "oxycodone/acetaminophen" or a brand.'
            )
          }
        />
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
      {errors.general !== null && <ErrorNotice error={errors.general} />}
      <div className="record-actions">
        <button type="submit" disabled={result.fetching || drug.trim() === ''}>
          {result.fetching ? 'Recording…' : 'Record medication'}
        </button>
        <button type="button" className="button-secondary" onClick={() => close()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
