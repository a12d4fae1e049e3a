import { type FormEvent, useId, useState } from 'react';
import type { CloseDisclosure } from '../../../components/ui/Disclosure.tsx';
import { RecordFormFooter } from '../../../components/ui/RecordFormFooter.tsx';
import { formErrorsOf } from '../../../lib/form-errors.ts';
import { DrugEntryFields } from '../../drugs/components/DrugEntryFields.tsx';
import { useDrugEntry } from '../../drugs/use-drug-entry.ts';
import { type RecordedMedication, useRecordMedication } from '../api/record-medication.ts';
import { CORRECTION_WORDING } from './drug-record-wording.ts';
import {
  EMPTY_MEDICATION_DETAILS,
  type MedicationDetails,
  MedicationDetailsFields,
} from './MedicationDetailsFields.tsx';

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
  const [details, setDetails] = useState<MedicationDetails>(EMPTY_MEDICATION_DETAILS);
  const [result, recordMedication] = useRecordMedication();
  const errors = formErrorsOf(result.error, FIELDS);
  const { entry } = drugEntry;
  const { dose, startedOn } = details;

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
      <DrugEntryFields idPrefix={id} state={drugEntry} errors={errors.fields} />
      <MedicationDetailsFields idPrefix={id} details={details} onChange={setDetails} errors={errors.fields} />
      <RecordFormFooter
        refusal={errors.general}
        wording={CORRECTION_WORDING}
        busy={result.fetching}
        ready={entry.problem === null}
        submitLabel="Record medication"
        busyLabel="Recording…"
        onCancel={() => close()}
      />
    </form>
  );
}
