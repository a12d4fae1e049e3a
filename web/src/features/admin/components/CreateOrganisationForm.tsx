import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { isFieldError } from '../../../lib/errors.ts';
import { useCreateOrganisation } from '../api/create-organisation.ts';
import {
  detailsOf,
  type EditableKind,
  EMPTY_ORGANISATION,
  type OrganisationValues,
  problemsOf,
} from '../organisation-values.ts';
import { ORGANISATION_FIELDS, OrganisationFields } from './OrganisationFields.tsx';

const KINDS: ReadonlyArray<{ kind: EditableKind; label: string }> = [
  { kind: 'PHARMACY', label: 'Compounding pharmacy' },
  { kind: 'CLINIC', label: 'Clinic' },
];

/** Adds a clinic or a compounding pharmacy; says which was added. */
export function CreateOrganisationForm({
  pharmacies,
}: {
  pharmacies: ReadonlyArray<{ id: string; name: string }>;
}) {
  const [kind, setKind] = useState<EditableKind>('PHARMACY');
  const [values, setValues] = useState<OrganisationValues>(EMPTY_ORGANISATION);
  const [attempted, setAttempted] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [result, createOrganisation] = useCreateOrganisation();

  const problems = problemsOf(kind, values);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    setAdded(null);
    if (Object.keys(problems).length > 0) return;
    const answer = await createOrganisation({ input: { kind, ...detailsOf(kind, values) } });
    const created = answer.data?.createOrganisation;
    if (created !== undefined) {
      setAdded(`${created.name} is added.`);
      setValues(EMPTY_ORGANISATION);
      setAttempted(false);
    }
  };

  return (
    <form
      className="organisation-form"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label="Add an organisation"
    >
      <fieldset className="field radio-group">
        <legend>Kind</legend>
        {KINDS.map((option) => (
          <label key={option.kind} className="checkbox">
            <input
              type="radio"
              name="organisation-kind"
              value={option.kind}
              checked={kind === option.kind}
              onChange={() => setKind(option.kind)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <OrganisationFields
        kind={kind}
        values={values}
        onChange={setValues}
        pharmacies={pharmacies}
        problems={attempted ? problems : {}}
        error={result.error}
      />
      {result.error !== undefined && !isFieldError(result.error, ORGANISATION_FIELDS) && (
        <ErrorNotice error={result.error} />
      )}
      <button type="submit" disabled={result.fetching}>
        {result.fetching ? 'Adding…' : kind === 'CLINIC' ? 'Add clinic' : 'Add pharmacy'}
      </button>{' '}
      <output aria-live="polite">{added}</output>
    </form>
  );
}
