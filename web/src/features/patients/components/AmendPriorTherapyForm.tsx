import { type FormEvent, useId, useState } from 'react';
import type { CloseDisclosure } from '../../../components/ui/Disclosure.tsx';
import { formErrorsOf } from '../../../lib/form-errors.ts';
import { DrugEntryFields } from '../../drugs/components/DrugEntryFields.tsx';
import { useDrugEntry } from '../../drugs/use-drug-entry.ts';
import { type PriorTherapyAmendmentInput, useAmendPriorTherapy } from '../api/amend-prior-therapy.ts';
import type { PriorTherapyRecord } from '../api/patient.ts';
import { AmendmentFooter } from './AmendmentFooter.tsx';
import { RELOAD_PATIENT } from './drug-record-wording.ts';
import {
  datesOutOfOrder,
  PriorTherapyDetailsFields,
  type TherapyDetails,
} from './PriorTherapyDetailsFields.tsx';

const FIELDS = [
  'drug',
  'classification',
  'outcome',
  'doseRange',
  'startedOn',
  'endedOn',
  'note',
  'reason',
] as const;

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** Only what changed; an emptied optional field is cleared. */
function changesOf(
  therapy: PriorTherapyRecord,
  drug: string,
  details: TherapyDetails,
): PriorTherapyAmendmentInput {
  const optional = {
    doseRange: orNull(details.doseRange),
    startedOn: orNull(details.startedOn),
    endedOn: orNull(details.endedOn),
    note: orNull(details.note),
  };
  return {
    ...(drug.trim() !== therapy.drug && { drug: drug.trim() }),
    ...(details.outcome !== '' && details.outcome !== therapy.outcome && { outcome: details.outcome }),
    ...Object.fromEntries(
      Object.entries(optional).filter(([field, value]) => value !== therapy[field as keyof typeof optional]),
    ),
  };
}

/** Corrects a prior therapy with a reason; the version read is sent (a stale one: CONFLICT). */
export function AmendPriorTherapyForm({
  therapy,
  close,
}: {
  therapy: PriorTherapyRecord;
  close: CloseDisclosure;
}) {
  const id = useId();
  const drugEntry = useDrugEntry('PRIOR_THERAPY', therapy.drug);
  const [details, setDetails] = useState<TherapyDetails>({
    outcome: therapy.outcome,
    doseRange: therapy.doseRange ?? '',
    startedOn: therapy.startedOn ?? '',
    endedOn: therapy.endedOn ?? '',
    note: therapy.note ?? '',
  });
  const [reason, setReason] = useState('');
  const [result, amendPriorTherapy] = useAmendPriorTherapy();
  const errors = formErrorsOf(result.error, FIELDS);
  const { entry } = drugEntry;
  const input = {
    ...changesOf(therapy, drugEntry.drug, details),
    ...(entry.input !== undefined && { classification: entry.input }),
  };
  const ready =
    entry.problem === null &&
    !datesOutOfOrder(details) &&
    Object.keys(input).length > 0 &&
    reason.trim() !== '';

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready) return;
    const answer = await amendPriorTherapy(
      { priorTherapyId: therapy.id, version: therapy.version, input, reason: reason.trim() },
      RELOAD_PATIENT,
    );
    if (answer.data !== undefined) close(`${answer.data.amendPriorTherapy.drug} amended.`);
  };

  return (
    <form
      className="record-form"
      onSubmit={(event) => void onSubmit(event)}
      aria-label={`Amend ${therapy.drug}`}
    >
      <DrugEntryFields idPrefix={id} state={drugEntry} errors={errors.fields} />
      <PriorTherapyDetailsFields
        idPrefix={id}
        details={details}
        onChange={setDetails}
        errors={errors.fields}
      />
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
