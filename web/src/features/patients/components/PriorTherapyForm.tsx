import { type FormEvent, useId, useState } from 'react';
import type { CloseDisclosure } from '../../../components/ui/Disclosure.tsx';
import { RecordFormFooter } from '../../../components/ui/RecordFormFooter.tsx';
import { formErrorsOf } from '../../../lib/form-errors.ts';
import { DrugEntryFields } from '../../drugs/components/DrugEntryFields.tsx';
import { useDrugEntry } from '../../drugs/use-drug-entry.ts';
import { useRecordPriorTherapy } from '../api/record-prior-therapy.ts';
import { CORRECTION_WORDING } from './drug-record-wording.ts';
import {
  datesOutOfOrder,
  EMPTY_THERAPY_DETAILS,
  PriorTherapyDetailsFields,
  type TherapyDetails,
} from './PriorTherapyDetailsFields.tsx';

const FIELDS = ['drug', 'classification', 'outcome', 'doseRange', 'startedOn', 'endedOn', 'note'] as const;

/**
 * A therapy tried before LDN. Its classes come from the drug (§11: pregabalin is an anticonvulsant
 * and an FDA-approved fibromyalgia drug, never an MS disease-modifying therapy); only a name the
 * vocabulary cannot judge is classified, by a clinician.
 */
export function PriorTherapyForm({ patientId, close }: { patientId: string; close: CloseDisclosure }) {
  const id = useId();
  const drugEntry = useDrugEntry('PRIOR_THERAPY');
  const [details, setDetails] = useState<TherapyDetails>(EMPTY_THERAPY_DETAILS);
  const [result, recordPriorTherapy] = useRecordPriorTherapy();
  const errors = formErrorsOf(result.error, FIELDS);
  const { entry } = drugEntry;
  const { outcome } = details;
  const ready = entry.problem === null && outcome !== '' && !datesOutOfOrder(details);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready) return;
    const answer = await recordPriorTherapy({
      patientId,
      input: {
        drug: drugEntry.drug.trim(),
        outcome,
        ...(details.doseRange.trim() !== '' && { doseRange: details.doseRange.trim() }),
        ...(details.startedOn !== '' && { startedOn: details.startedOn }),
        ...(details.endedOn !== '' && { endedOn: details.endedOn }),
        ...(details.note.trim() !== '' && { note: details.note.trim() }),
        ...(entry.input !== undefined && { classification: entry.input }),
      },
    });
    const recorded = answer.data?.recordPriorTherapy;
    if (recorded !== undefined) close(`${recorded.drug} recorded.`);
  };

  return (
    <form className="record-form" onSubmit={(event) => void onSubmit(event)} aria-label="Add prior therapy">
      <DrugEntryFields idPrefix={id} state={drugEntry} errors={errors.fields} />
      <PriorTherapyDetailsFields
        idPrefix={id}
        details={details}
        onChange={setDetails}
        errors={errors.fields}
      />
      <RecordFormFooter
        refusal={errors.general}
        wording={CORRECTION_WORDING}
        busy={result.fetching}
        ready={ready}
        submitLabel="Record prior therapy"
        busyLabel="Recording…"
        onCancel={() => close()}
      />
    </form>
  );
}
