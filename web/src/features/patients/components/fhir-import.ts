/** The form's words for the elements of a FHIR Patient the import reads (patient-import.ts on the server). */
const ELEMENT_LABELS: readonly [RegExp, string][] = [
  [/^Patient\.identifier/, 'MRN'],
  [/^Patient\.name\[\d+\]\.given/, 'Given name'],
  [/^Patient\.name\[\d+\]\.family/, 'Family name'],
  [/^Patient\.name/, 'Name'],
  [/^Patient\.birthDate/, 'Date of birth'],
  [/^Patient\.telecom\[\d+\]/, 'Phone or email'],
  [/^Patient\.address\[\d+\]\.line\[0\]/, 'Address line 1'],
  [/^Patient\.address\[\d+\]\.line/, 'Address line 2'],
  [/^Patient\.address\[\d+\]\.city/, 'City'],
  [/^Patient\.address\[\d+\]\.state/, 'Region'],
  [/^Patient\.address\[\d+\]\.postalCode/, 'Postal code'],
];

/** What a refused element is called on the form ("Date of birth"), or null for another element. */
export function labelOfElement(element: string | null): string | null {
  if (element === null) return null;
  return ELEMENT_LABELS.find(([pattern]) => pattern.test(element))?.[1] ?? null;
}

/** Most a pasted or uploaded resource may be: far more than a Patient needs, well under the API's limit. */
export const MAX_IMPORT_BYTES = 200_000;
