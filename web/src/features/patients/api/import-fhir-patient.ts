import { useCallback, useState } from 'react';

/** One problem the FHIR API found with a resource: its message, and the element it names. */
export interface ImportProblem {
  message: string;
  /** A FHIRPath such as `Patient.birthDate`; null when the problem is the whole resource's. */
  element: string | null;
}

export type ImportAnswer =
  | { kind: 'created'; patientId: string }
  | { kind: 'refused'; status: number; problems: ImportProblem[] }
  | { kind: 'network' };

interface OutcomeIssue {
  diagnostics?: unknown;
  details?: { text?: unknown };
  expression?: unknown;
}

/** An OperationOutcome's issues as problems; anything else as one problem of the status. */
export function problemsOf(body: unknown, status: number): ImportProblem[] {
  const issues = (body as { resourceType?: unknown; issue?: unknown } | null)?.issue;
  if (!Array.isArray(issues) || issues.length === 0) {
    return [{ message: `The server refused the resource (HTTP ${status}).`, element: null }];
  }
  return issues.map((issue: OutcomeIssue) => {
    const message = typeof issue.diagnostics === 'string' ? issue.diagnostics : issue.details?.text;
    const [element] = Array.isArray(issue.expression) ? issue.expression : [];
    return {
      message: typeof message === 'string' ? message : 'This element is not valid.',
      element: typeof element === 'string' ? element : null,
    };
  });
}

/**
 * Sends a FHIR R4 Patient (the JSON as pasted or read from a file) to `POST /fhir/R4/Patient`: the
 * same registration as the form's, through the server's FHIR import. The text goes as it is; the
 * server says what is wrong with it, element by element.
 */
export async function importFhirPatient(json: string, fetcher: typeof fetch = fetch): Promise<ImportAnswer> {
  let response: Response;
  try {
    response = await fetcher('/fhir/R4/Patient', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/fhir+json', accept: 'application/fhir+json' },
      body: json,
    });
  } catch {
    return { kind: 'network' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 201) {
    const id = (body as { id?: unknown } | null)?.id;
    if (typeof id === 'string') return { kind: 'created', patientId: id };
  }
  return { kind: 'refused', status: response.status, problems: problemsOf(body, response.status) };
}

/** The import as a hook: its answer and whether it is under way. */
export function useImportFhirPatient() {
  const [state, setState] = useState<{ fetching: boolean; answer: ImportAnswer | null }>({
    fetching: false,
    answer: null,
  });
  const run = useCallback(async (json: string) => {
    setState({ fetching: true, answer: null });
    const answer = await importFhirPatient(json);
    setState({ fetching: false, answer });
    return answer;
  }, []);
  return [state, run] as const;
}
