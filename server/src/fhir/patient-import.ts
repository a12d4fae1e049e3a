import type {
  Address,
  CodeableConcept,
  ContactPoint,
  HumanName,
  Identifier,
  Patient,
} from '@medplum/fhirtypes';
import { type FhirProblem, fhirInvalidResource } from './fhir-errors.ts';
import { OUR_SYSTEM, SYSTEM } from './systems.ts';

/** registerPatient's input fields, as the import fills them from a Patient resource. */
export interface PatientRegistration {
  mrn: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  phone?: string;
  email?: string;
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
}

/** A registration, and for each of its fields the element it came from (to name it in a refusal). */
export interface ImportedPatient {
  input: PatientRegistration;
  elementOf: Partial<Record<keyof PatientRegistration, string>>;
}

/** Our own identifier namespaces: an MRN in another clinic's is that clinic's, never this one's. */
const OUR_NAMESPACE = 'urn:ldn-trials:';

const isMrType = (type: CodeableConcept | undefined) =>
  type?.coding?.some((coding) => coding.system === SYSTEM.identifierType && coding.code === 'MR') ?? false;

/**
 * The MRN: an identifier in this clinic's own MRN system (as this API writes them) or, failing
 * that, one typed MR (v2-0203) from the clinic's EHR. Old identifiers are passed over; two
 * different candidates are refused rather than guessed between.
 */
function mrnOf(identifiers: readonly Identifier[], clinicId: string): { value: string; element: string } {
  const live = identifiers
    .map((identifier, index) => ({ identifier, element: `Patient.identifier[${index}].value` }))
    .filter(({ identifier }) => identifier.use !== 'old' && typeof identifier.value === 'string');
  const ours = live.filter(({ identifier }) => identifier.system === OUR_SYSTEM.mrn(clinicId));
  const typed = live.filter(
    ({ identifier }) => isMrType(identifier.type) && !identifier.system?.startsWith(OUR_NAMESPACE),
  );
  const candidates = ours.length > 0 ? ours : typed;
  const [first] = candidates;
  if (first === undefined) {
    throw fhirInvalidResource([
      {
        code: 'required',
        message: `Give the medical record number as an identifier of type MR (${SYSTEM.identifierType}) or of system ${OUR_SYSTEM.mrn(clinicId)}.`,
        expression: 'Patient.identifier',
      },
    ]);
  }
  if (new Set(candidates.map(({ identifier }) => identifier.value)).size > 1) {
    throw fhirInvalidResource([
      {
        message: 'The resource has several medical record numbers: send one.',
        expression: 'Patient.identifier',
      },
    ]);
  }
  return { value: first.identifier.value ?? '', element: first.element };
}

/** The official name, else the usual one, else one with no use given (never an old or a nickname). */
function nameOf(names: readonly HumanName[]): { name: HumanName; element: string } {
  for (const use of ['official', 'usual', undefined] as const) {
    const index = names.findIndex((name) => name.use === use);
    const name = names[index];
    if (name !== undefined) return { name, element: `Patient.name[${index}]` };
  }
  throw fhirInvalidResource([
    {
      code: 'required',
      message: "Give the patient's official or usual name, with given and family names.",
      expression: 'Patient.name',
    },
  ]);
}

function birthDateOf(birthDate: string | undefined): string {
  const problem = (message: string): FhirProblem => ({
    code: 'required',
    message,
    expression: 'Patient.birthDate',
  });
  if (birthDate === undefined) throw fhirInvalidResource([problem('Give the date of birth.')]);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
    throw fhirInvalidResource([
      problem('Give the full date of birth (YYYY-MM-DD), not only a year or a month.'),
    ]);
  }
  return birthDate;
}

/** The first current contact point of a kind, and its element. */
function contactOf(telecom: readonly ContactPoint[], system: 'phone' | 'email') {
  const index = telecom.findIndex(
    (contact) => contact.system === system && contact.use !== 'old' && typeof contact.value === 'string',
  );
  const value = telecom[index]?.value;
  return value === undefined ? undefined : { value, element: `Patient.telecom[${index}].value` };
}

/** The home address, else the first current one. */
function addressOf(addresses: readonly Address[]): { address: Address; element: string } | undefined {
  let index = addresses.findIndex((address) => address.use === 'home');
  if (index < 0) index = addresses.findIndex((address) => address.use !== 'old');
  const address = addresses[index];
  return address === undefined ? undefined : { address, element: `Patient.address[${index}]` };
}

/**
 * The registration a FHIR R4 Patient (already valid R4) asks for: identifier → MRN, name → given
 * (all given names, space-separated) and family, birthDate, the first phone and email, the home
 * address. Everything else in the resource is not recorded here. What cannot become a registration
 * at all (no MRN, no name, a partial birth date) is refused naming the element; what registration's
 * own rules refuse is named by `elementOf`.
 */
export function registrationOf(patient: Patient, clinicId: string): ImportedPatient {
  const mrn = mrnOf(patient.identifier ?? [], clinicId);
  const { name, element: nameElement } = nameOf(patient.name ?? []);
  const input: PatientRegistration = {
    mrn: mrn.value,
    givenName: (name.given ?? []).join(' '),
    familyName: name.family ?? '',
    dateOfBirth: birthDateOf(patient.birthDate),
  };
  const elementOf: ImportedPatient['elementOf'] = {
    mrn: mrn.element,
    givenName: `${nameElement}.given`,
    familyName: `${nameElement}.family`,
    dateOfBirth: 'Patient.birthDate',
  };
  for (const kind of ['phone', 'email'] as const) {
    const contact = contactOf(patient.telecom ?? [], kind);
    if (contact === undefined) continue;
    input[kind] = contact.value;
    elementOf[kind] = contact.element;
  }
  const home = addressOf(patient.address ?? []);
  if (home !== undefined) {
    const { address, element } = home;
    const [line1, ...more] = address.line ?? [];
    const fields = {
      addressLine1: [line1, `${element}.line[0]`],
      addressLine2: [more.length === 0 ? undefined : more.join(', '), `${element}.line[1]`],
      city: [address.city, `${element}.city`],
      region: [address.state, `${element}.state`],
      postalCode: [address.postalCode, `${element}.postalCode`],
    } as const;
    for (const [field, [value, from]] of Object.entries(fields) as [
      keyof typeof fields,
      readonly [string | undefined, string],
    ][]) {
      if (value === undefined) continue;
      input[field] = value;
      elementOf[field] = from;
    }
  }
  return { input, elementOf };
}
