import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

/** An issue type (FHIR R4 issue-type): ours are login, forbidden, not-found, invalid, duplicate… */
type IssueType = OperationOutcomeIssue['code'];

/** One problem of a refused resource: what, and where (a FHIRPath such as `Patient.birthDate`). */
export interface FhirProblem {
  code?: IssueType;
  message: string;
  expression?: string;
}

/**
 * A refusal of the FHIR API: its HTTP status and the OperationOutcome sent with it. The messages are
 * ours and plain — never a stack trace, SQL or patient data.
 */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly issueType: IssueType,
    message: string,
    /** Several problems, each naming its element; without them, one issue of `message`. */
    readonly problems: readonly FhirProblem[] = [],
    /** Response headers the refusal needs (WWW-Authenticate, Retry-After, Allow). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  get outcome(): OperationOutcome {
    if (this.problems.length === 0) return operationOutcome(this.issueType, this.message);
    return {
      resourceType: 'OperationOutcome',
      issue: this.problems.map(({ code, message, expression }) =>
        issueOf(code ?? this.issueType, message, expression),
      ),
    };
  }
}

function issueOf(code: IssueType, diagnostics: string, expression?: string): OperationOutcomeIssue {
  return {
    severity: 'error',
    code,
    diagnostics,
    ...(expression === undefined ? {} : { expression: [expression] }),
  };
}

export function operationOutcome(code: IssueType, diagnostics: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [issueOf(code, diagnostics)] };
}

export const fhirUnauthenticated = () =>
  new FhirError(401, 'login', 'Sign in, or send a live API token (Authorization: Bearer ldn_…).', [], {
    'www-authenticate': 'Bearer realm="ldn-fhir"',
  });
/** Unknown, revoked and expired tokens alike: a guess learns nothing from the answer. */
export const fhirInvalidToken = () =>
  new FhirError(401, 'login', 'This API token is not valid: it is unknown, revoked or expired.', [], {
    'www-authenticate': 'Bearer realm="ldn-fhir", error="invalid_token"',
  });
export const fhirThrottled = (retryAfterSeconds: number) =>
  new FhirError(
    429,
    'throttled',
    'Too many requests with a token that is not valid; wait and try again.',
    [],
    {
      'retry-after': String(retryAfterSeconds),
    },
  );
export const fhirForbidden = (what: string) =>
  new FhirError(403, 'forbidden', `Your role does not allow you to read ${what}.`);
/** A refusal of something other than a read (the import), in its own words. */
export const fhirRefused = (message: string) => new FhirError(403, 'forbidden', message);
/** Missing and out of reach alike: another organisation's record is not told apart from none. */
export const fhirNotFound = (type: string, id: string) =>
  new FhirError(404, 'not-found', `${type}/${id} is not known.`);
export const fhirBadRequest = (message: string) => new FhirError(400, 'invalid', message);
/** A resource refused element by element (400), each problem naming its element. */
export const fhirInvalidResource = (problems: readonly FhirProblem[]) =>
  new FhirError(400, 'invalid', problems.map((problem) => problem.message).join(' '), problems);
export const fhirNotSupported = (message: string) => new FhirError(404, 'not-supported', message);
