import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { useNavigate } from '../../../lib/router.tsx';
import { useImportFhirPatient } from '../api/import-fhir-patient.ts';
import { labelOfElement, MAX_IMPORT_BYTES } from './fhir-import.ts';

/**
 * Brings a patient in from the clinic's EHR: a FHIR R4 Patient pasted or read from a file, sent to
 * the FHIR API's import (the same registration as the form beside it). A refusal lists each
 * problem with the form's name for the element, tied to the text box for screen readers.
 */
export function FhirPatientImport() {
  const id = useId();
  const navigate = useNavigate();
  const [json, setJson] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [{ fetching, answer }, importPatient] = useImportFhirPatient();
  const refused = answer?.kind === 'refused' || answer?.kind === 'network';
  const problemsId = `${id}-problems`;

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setFileProblem('This file is too large to be one Patient resource.');
      return;
    }
    setFileProblem(null);
    setJson(await file.text());
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await importPatient(json);
    if (result.kind === 'created') navigate(`/patients/${result.patientId}`);
  };

  return (
    <form className="section" aria-labelledby={`${id}-title`} onSubmit={(event) => void onSubmit(event)}>
      <h2 id={`${id}-title`}>Import from the EHR (FHIR)</h2>
      <p className="hint">
        A FHIR R4 Patient resource: its MRN (an identifier of type MR), official name, date of birth, phone,
        email and home address are registered.
      </p>
      <div className="field">
        <label htmlFor={`${id}-file`}>Patient file (.json)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json,application/fhir+json"
          aria-invalid={fileProblem !== null}
          aria-describedby={fileProblem === null ? undefined : `${id}-file-error`}
          onChange={(event) => void onFile(event)}
        />
        {fileProblem !== null && (
          <p id={`${id}-file-error`} className="field-error" role="alert">
            {fileProblem}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-json`}>FHIR Patient JSON</label>
        <textarea
          id={`${id}-json`}
          rows={8}
          spellCheck={false}
          value={json}
          aria-invalid={refused}
          aria-describedby={refused ? problemsId : undefined}
          onChange={(event) => setJson(event.target.value)}
        />
      </div>
      {answer?.kind === 'network' && (
        <p id={problemsId} className="notice notice-error" role="alert">
          The server could not be reached; nothing was imported. Try again.
        </p>
      )}
      {answer?.kind === 'refused' && (
        <div id={problemsId} className="notice notice-error" role="alert">
          <p>{answer.status === 409 ? 'This patient is already registered:' : 'Not imported:'}</p>
          <ul>
            {answer.problems.map((problem, index) => {
              const label = labelOfElement(problem.element);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
                <li key={index}>
                  {label !== null && <strong>{label}: </strong>}
                  {problem.message}
                  {problem.element !== null && <span className="hint"> ({problem.element})</span>}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" disabled={fetching || json.trim() === ''}>
          {fetching ? 'Importing…' : 'Import patient'}
        </button>
      </div>
    </form>
  );
}
