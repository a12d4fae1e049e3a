import { type FormEvent, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { isFieldError } from '../../../lib/errors.ts';
import type { ManagedOrganisation } from '../api/managed-organisations.ts';
import { useUpdateOrganisation } from '../api/update-organisation.ts';
import { detailsOf, type EditableKind, problemsOf, valuesOf } from '../organisation-values.ts';
import { ORGANISATION_FIELDS, OrganisationFields } from './OrganisationFields.tsx';

/**
 * Edits one clinic or pharmacy against the version shown. The parent keys it by that version, so
 * when a CONFLICT reloads the organisation the form starts again from what is now saved.
 */
export function EditOrganisationForm({
  organisation,
  pharmacies,
  onSaved,
  onConflict,
  onCancel,
}: {
  organisation: ManagedOrganisation & { kind: EditableKind };
  pharmacies: ReadonlyArray<{ id: string; name: string }>;
  onSaved: (name: string) => void;
  onConflict: () => void;
  onCancel: () => void;
}) {
  const { kind } = organisation;
  const [values, setValues] = useState(() => valuesOf(organisation));
  const [attempted, setAttempted] = useState(false);
  const [result, updateOrganisation] = useUpdateOrganisation();

  const problems = problemsOf(kind, values);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(problems).length > 0) return;
    const answer = await updateOrganisation({
      id: organisation.id,
      version: organisation.version,
      input: detailsOf(kind, values),
    });
    if (answer.error?.graphQLErrors[0]?.extensions?.code === 'CONFLICT') onConflict();
    else if (answer.data?.updateOrganisation !== undefined) onSaved(answer.data.updateOrganisation.name);
  };

  // A CONFLICT is the parent's to show: it outlives this form, which the reload replaces.
  const otherError =
    result.error !== undefined &&
    result.error.graphQLErrors[0]?.extensions?.code !== 'CONFLICT' &&
    !isFieldError(result.error, ORGANISATION_FIELDS)
      ? result.error
      : undefined;

  return (
    <form
      className="organisation-form"
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={`Edit ${organisation.name}`}
    >
      <OrganisationFields
        kind={kind}
        values={values}
        onChange={setValues}
        pharmacies={pharmacies}
        problems={attempted ? problems : {}}
        error={result.error}
      />
      {otherError !== undefined && <ErrorNotice error={otherError} />}
      <div className="button-row">
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
