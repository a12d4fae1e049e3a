import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { PageHeader } from '../../../components/ui/Page.tsx';
import { RecordFormFooter } from '../../../components/ui/RecordFormFooter.tsx';
import { focusFirstInvalid } from '../../../components/ui/TextField.tsx';
import { formErrorsOf } from '../../../lib/form-errors.ts';
import { Link, useNavigate } from '../../../lib/router.tsx';
import { useRegisterPatient } from '../api/register-patient.ts';
import { FhirPatientImport } from './FhirPatientImport.tsx';
import { PatientDetailsFields } from './PatientDetailsFields.tsx';
import {
  DETAIL_FIELDS,
  type DetailField,
  emptyDetails,
  hasRequiredDetails,
  registrationInputOf,
} from './patient-details.ts';

/** What a second patient with the same MRN is told (the API may answer BAD_USER_INPUT or CONFLICT). */
export const DUPLICATE_MRN_MESSAGE = 'Another patient of this clinic has this medical record number.';

/** Registers a patient of the clinic (typed, or imported from a FHIR Patient), then opens their page. */
export function RegisterPatientPage() {
  const formId = useId();
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(emptyDetails);
  const [result, registerPatient] = useRegisterPatient();
  // Refusals stay beside their fields until the next attempt.
  const errors = formErrorsOf(result.error, DETAIL_FIELDS, {
    field: 'mrn',
    message: DUPLICATE_MRN_MESSAGE,
  });

  // After a refusal, carry on at the first field refused.
  useEffect(() => {
    if (result.error !== undefined) focusFirstInvalid(form.current);
  }, [result.error]);

  const onChange = (field: DetailField, value: string) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!hasRequiredDetails(draft)) return;
    const answer = await registerPatient({ input: registrationInputOf(draft) });
    const registered = answer.data?.registerPatient;
    if (registered !== undefined) navigate(`/patients/${registered.id}`);
  };

  return (
    <>
      <PageHeader
        title="Register a patient"
        subtitle="Given and family name, date of birth and MRN are required."
      />
      <form
        ref={form}
        className="section record-page"
        onSubmit={(event) => void onSubmit(event)}
        aria-label="Register a patient"
      >
        <PatientDetailsFields idPrefix={formId} draft={draft} onChange={onChange} errors={errors.fields} />
        <RecordFormFooter
          refusal={errors.general}
          busy={result.fetching}
          ready={hasRequiredDetails(draft)}
          submitLabel="Register patient"
          busyLabel="Registering…"
        >
          <Link to="/patients">Cancel</Link>
        </RecordFormFooter>
      </form>
      <FhirPatientImport />
    </>
  );
}
