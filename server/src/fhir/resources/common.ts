import type {
  Address,
  CodeableConcept,
  ExtractResource,
  Quantity,
  Reference,
  ResourceType,
} from '@medplum/fhirtypes';
import { SYSTEM } from '../systems.ts';

/** A reference to another resource of this server, relative as FHIR's REST API writes them. */
export const ref = <K extends ResourceType>(
  type: K,
  id: string,
  display?: string,
): Reference<ExtractResource<K>> =>
  display === undefined ? { reference: `${type}/${id}` } : { reference: `${type}/${id}`, display };

/** A `@db.Date` column as a FHIR date. */
export const fhirDate = (date: Date): string => date.toISOString().slice(0, 10);

/** An instant as a FHIR instant / dateTime (UTC). */
export const fhirInstant = (date: Date): string => date.toISOString();

/** A concept known by text only, or with one code of a system. */
export const concept = (text: string, coding?: { system: string; code: string; display?: string }) =>
  (coding === undefined ? { text } : { coding: [coding], text }) satisfies CodeableConcept;

/** Milligrams, in UCUM. */
export const mg = (value: number): Quantity => ({ value, unit: 'mg', system: SYSTEM.ucum, code: 'mg' });

/** An amount of a capsule count or of millilitres, as our order lines record them. */
export function amountOf(value: number, unit: string): Quantity {
  return unit === 'mL' ? { value, unit: 'mL', system: SYSTEM.ucum, code: 'mL' } : { value, unit };
}

/** Keeps only the fields that have a value: FHIR JSON has no nulls and no empty arrays. */
export function present<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, field]) => field !== null && field !== undefined && !(Array.isArray(field) && field.length === 0),
    ),
  ) as T;
}

/** The postal address columns every record of ours has (a patient, an organisation). */
interface PostalAddressColumns {
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
}

/** A record's postal address as FHIR's `address`: none when every part is empty. */
export function addressOf(row: PostalAddressColumns): Address[] {
  const line = [row.addressLine1, row.addressLine2].filter((part): part is string => part !== null);
  const address = present<Address>({
    line,
    city: row.city ?? undefined,
    state: row.region ?? undefined,
    postalCode: row.postalCode ?? undefined,
  });
  return Object.keys(address).length === 0 ? [] : [address];
}
