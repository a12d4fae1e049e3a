import type { CreateOrganisationInput } from './api/create-organisation.ts';
import type { ManagedOrganisation } from './api/managed-organisations.ts';

/** The kinds of organisation an administrator creates (the network administration exists once). */
export type EditableKind = 'CLINIC' | 'PHARMACY';

/** What the organisation form holds: text as typed, a clinic's pharmacies by id ('' = no default). */
export interface OrganisationValues {
  name: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  region: string;
  postalCode: string;
  phone: string;
  licenceNumber: string;
  defaultPharmacyId: string;
  allowedPharmacyIds: readonly string[];
}

export const EMPTY_ORGANISATION: OrganisationValues = {
  name: '',
  addressLine1: '',
  addressLine2: '',
  city: '',
  region: '',
  postalCode: '',
  phone: '',
  licenceNumber: '',
  defaultPharmacyId: '',
  allowedPharmacyIds: [],
};

/** The form's values for an organisation as the API shows it. */
export function valuesOf(organisation: ManagedOrganisation): OrganisationValues {
  return {
    name: organisation.name,
    addressLine1: organisation.addressLine1 ?? '',
    addressLine2: organisation.addressLine2 ?? '',
    city: organisation.city ?? '',
    region: organisation.region ?? '',
    postalCode: organisation.postalCode ?? '',
    phone: organisation.phone ?? '',
    licenceNumber: organisation.licenceNumber ?? '',
    defaultPharmacyId: organisation.defaultPharmacy?.id ?? '',
    allowedPharmacyIds: organisation.allowedPharmacies.map((pharmacy) => pharmacy.id),
  };
}

type OrganisationDetails = Omit<CreateOrganisationInput, 'kind'>;

/**
 * The details to send: every contact field (blank empties it), a pharmacy's licence number, a
 * clinic's pharmacies (the whole list, which replaces the old one). Nothing a kind does not have.
 */
export function detailsOf(kind: EditableKind, values: OrganisationValues): OrganisationDetails {
  const details: OrganisationDetails = {
    name: values.name.trim(),
    addressLine1: values.addressLine1.trim(),
    addressLine2: values.addressLine2.trim(),
    city: values.city.trim(),
    region: values.region.trim(),
    postalCode: values.postalCode.trim(),
    phone: values.phone.trim(),
  };
  if (kind === 'PHARMACY') return { ...details, licenceNumber: values.licenceNumber.trim() };
  return {
    ...details,
    allowedPharmacyIds: [...values.allowedPharmacyIds],
    defaultPharmacyId: values.defaultPharmacyId === '' ? null : values.defaultPharmacyId,
  };
}

/** What the browser can tell before the server answers, by field; empty when nothing is wrong. */
export function problemsOf(kind: EditableKind, values: OrganisationValues): Partial<Record<string, string>> {
  const problems: Partial<Record<string, string>> = {};
  if (values.name.trim() === '') problems.name = 'Enter the name.';
  if (kind === 'PHARMACY' && values.licenceNumber.trim() === '') {
    problems.licenceNumber = "Enter the pharmacy's state board licence number.";
  }
  if (
    kind === 'CLINIC' &&
    values.defaultPharmacyId !== '' &&
    !values.allowedPharmacyIds.includes(values.defaultPharmacyId)
  ) {
    problems.defaultPharmacyId = 'The default pharmacy must be one of the allowed pharmacies.';
  }
  return problems;
}

/** An address on one line, or a dash. */
export function addressLine(organisation: ManagedOrganisation): string {
  const parts = [
    organisation.addressLine1,
    organisation.addressLine2,
    organisation.city,
    [organisation.region, organisation.postalCode].filter((part) => part !== null).join(' '),
  ].filter((part): part is string => part !== null && part !== '');
  return parts.length === 0 ? '—' : parts.join(', ');
}
