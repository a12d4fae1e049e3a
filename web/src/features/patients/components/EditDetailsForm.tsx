import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { CloseDisclosure } from '../../../components/ui/Disclosure.tsx';
import { RecordFormFooter } from '../../../components/ui/RecordFormFooter.tsx';
import { focusFirstInvalid } from '../../../components/ui/TextField.tsx';
import { formErrorsOf } from '../../../lib/form-errors.ts';
import type { PatientRecord } from '../api/patient.ts';
import { useUpdatePatient } from '../api/update-patient.ts';
import { PatientDetailsFields } from './PatientDetailsFields.tsx';
import {
  DETAIL_FIELDS,
  type DetailField,
  detailsOf,
  hasRequiredDetails,
  updateInputOf,
} from './patient-details.ts';

/** What a stale save is told: the record was reloaded under the form. */
export const DETAILS_CONFLICT_WORDING =
  'Someone else changed these details since you opened them; the page now shows their version. Check your changes and save again.';

// A refused save reloads the record too (the CONFLICT case): the version to send comes with it.
const reloadPatient = { additionalTypenames: ['Patient'] };

/** The patient's details, changed in place; sends the version read (a stale one is refused). */
export function EditDetailsForm({ patient, close }: { patient: PatientRecord; close: CloseDisclosure }) {
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const recorded = detailsOf(patient);
  const [draft, setDraft] = useState(recorded);
  const [result, updatePatient] = useUpdatePatient();
  const errors = formErrorsOf(result.error, DETAIL_FIELDS);
  const changes = updateInputOf(draft, recorded);
  const changed = Object.keys(changes).length > 0;

  useEffect(() => {
    if (result.error !== undefined) focusFirstInvalid(form.current);
  }, [result.error]);

  const onChange = (field: DetailField, value: string) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!changed || !hasRequiredDetails(draft)) return;
    const answer = await updatePatient(
      { id: patient.id, version: patient.version, input: changes },
      reloadPatient,
    );
    if (answer.data !== undefined) close('Details saved.');
  };

  return (
    <form
      ref={form}
      className="record-form"
      onSubmit={(event) => void onSubmit(event)}
      aria-label="Edit details"
    >
      <PatientDetailsFields idPrefix={formId} draft={draft} onChange={onChange} errors={errors.fields} />
      <RecordFormFooter
        refusal={errors.general}
        wording={{ CONFLICT: DETAILS_CONFLICT_WORDING }}
        busy={result.fetching}
        ready={changed && hasRequiredDetails(draft)}
        submitLabel="Save details"
        busyLabel="Saving…"
        onCancel={() => close()}
      />
    </form>
  );
}
