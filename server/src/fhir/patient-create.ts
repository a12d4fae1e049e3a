import type { Patient } from '@medplum/fhirtypes';
import { execute, type GraphQLError, type GraphQLSchema, parse } from 'graphql';
import type { Context } from '../graphql/context.ts';
import { formatError } from '../graphql/error-boundary.ts';
import type { FieldProblem } from '../platform/errors.ts';
import {
  FhirError,
  type FhirProblem,
  fhirBadRequest,
  fhirInvalidResource,
  fhirRefused,
} from './fhir-errors.ts';
import { type ImportedPatient, type PatientRegistration, registrationOf } from './patient-import.ts';
import { r4ProblemsOf } from './r4-validator.ts';

/**
 * The portal's own registration, run as it is: the role check, the input rules, the validation, the
 * clinic's unique MRN, one transaction and its CREATE audit row — so the import and the register
 * page cannot come to accept different patients.
 */
const REGISTER_PATIENT = parse(
  'mutation ImportPatient($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }',
);

const isPatient = (body: unknown): body is Patient =>
  typeof body === 'object' &&
  body !== null &&
  !Array.isArray(body) &&
  (body as Patient).resourceType === 'Patient';

/** registerPatient's refusal as the FHIR API answers it, each field named by the element it came from. */
function refusalOf(error: GraphQLError, imported: ImportedPatient, context: Context): FhirError {
  const { message, extensions = {} } = formatError(context.log)(error.toJSON(), error);
  const elementOf = (field: unknown) =>
    imported.elementOf[String(field).replace(/^input\./, '') as keyof PatientRegistration] ?? 'Patient';
  switch (extensions.code) {
    case 'BAD_USER_INPUT': {
      if (extensions.reason === 'DUPLICATE_MRN') {
        return new FhirError(409, 'duplicate', message, [
          { code: 'duplicate', message, expression: elementOf('mrn') },
        ]);
      }
      const fields = (extensions.fields as FieldProblem[] | undefined) ?? [
        { field: String(extensions.field), message },
      ];
      return fhirInvalidResource(
        fields.map((field): FhirProblem => ({ message: field.message, expression: elementOf(field.field) })),
      );
    }
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
      return fhirRefused(message);
    case 'TIMEOUT':
      return new FhirError(503, 'timeout', message);
    default:
      return new FhirError(500, 'exception', message);
  }
}

/**
 * Creates a patient of the viewer's clinic from a FHIR R4 Patient: checked against the R4
 * specification first, then turned into a registration (patient-import.ts) and registered.
 * Returns the new patient's id; any refusal is a FhirError naming the elements.
 */
export async function createPatientFromFhir(
  body: unknown,
  schema: GraphQLSchema,
  context: Context & { viewer: NonNullable<Context['viewer']> },
): Promise<string> {
  if (!isPatient(body))
    throw fhirBadRequest('Send one FHIR R4 Patient resource ("resourceType": "Patient").');
  if (body.contained !== undefined) {
    throw fhirInvalidResource([
      {
        message: 'Contained resources are not imported: send the Patient alone.',
        expression: 'Patient.contained',
      },
    ]);
  }
  const problems = await r4ProblemsOf(body);
  if (problems.length > 0) throw fhirInvalidResource(problems);
  const imported = registrationOf(body, context.viewer.organisationId);
  const result = await execute({
    schema,
    document: REGISTER_PATIENT,
    contextValue: context,
    variableValues: { input: imported.input },
  });
  const [error] = result.errors ?? [];
  if (error !== undefined) throw refusalOf(error, imported, context);
  return (result.data as { registerPatient: { id: string } }).registerPatient.id;
}
