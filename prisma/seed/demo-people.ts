/** The demo organisations and people; every demo person signs in with DEMO_PASSWORD. */

/** Printed on the console by `pnpm start`; for the demo database only. */
export const DEMO_PASSWORD = 'ldn-demo-2026';

export const DEMO_ORGANISATIONS = {
  network: { kind: 'NETWORK', name: 'LDN Network Administration' },
  riverside: { kind: 'CLINIC', name: 'Riverside Pain Clinic', city: 'Portland', region: 'OR' },
  northgate: { kind: 'CLINIC', name: 'Northgate Neurology & Pain', city: 'Columbus', region: 'OH' },
  careRx: {
    kind: 'PHARMACY',
    name: 'CareRx Compounding Pharmacy',
    city: 'Portland',
    region: 'OR',
    licenceNumber: 'OR-RX-40213',
  },
  apex: {
    kind: 'PHARMACY',
    name: 'Apex Compounding',
    city: 'Dayton',
    region: 'OH',
    licenceNumber: 'OH-PH-118820',
  },
} as const;
export type DemoOrganisationKey = keyof typeof DEMO_ORGANISATIONS;

export interface DemoPerson {
  email: string;
  name: string;
  role: 'CLINICIAN' | 'COORDINATOR' | 'PHARMACIST' | 'ADMIN';
  organisation: DemoOrganisationKey;
  npi?: string;
}

// NPIs with valid check digits (Luhn over 80840 + the first nine digits).
export const DEMO_PEOPLE: DemoPerson[] = [
  { email: 'admin@network.demo', name: 'Alex Morgan', role: 'ADMIN', organisation: 'network' },
  {
    email: 'clinician@riverside.demo',
    name: 'Dr. Priya Raman',
    role: 'CLINICIAN',
    organisation: 'riverside',
    npi: '1234567893',
  },
  { email: 'coordinator@riverside.demo', name: 'Sam Ortiz', role: 'COORDINATOR', organisation: 'riverside' },
  {
    email: 'clinician@northgate.demo',
    name: 'Dr. Marcus Webb',
    role: 'CLINICIAN',
    organisation: 'northgate',
    npi: '1245319599',
  },
  { email: 'coordinator@northgate.demo', name: 'Jordan Lee', role: 'COORDINATOR', organisation: 'northgate' },
  {
    email: 'pharmacist@carerx.demo',
    name: 'Dana Whitfield, PharmD',
    role: 'PHARMACIST',
    organisation: 'careRx',
  },
  { email: 'pharmacist@apex.demo', name: 'Chris Novak, RPh', role: 'PHARMACIST', organisation: 'apex' },
  // A second pharmacist in each pharmacy verifies what the first compounded before it is dispensed.
  {
    email: 'pharmacist2@carerx.demo',
    name: 'Lena Ortiz, RPh',
    role: 'PHARMACIST',
    organisation: 'careRx',
  },
  { email: 'pharmacist2@apex.demo', name: 'Omar Haddad, PharmD', role: 'PHARMACIST', organisation: 'apex' },
];

/** The sign-ins `pnpm start` prints. */
export function demoSignIns(): { role: string; email: string; organisation: string }[] {
  return DEMO_PEOPLE.map((p) => ({
    role: p.role,
    email: p.email,
    organisation: DEMO_ORGANISATIONS[p.organisation].name,
  }));
}
