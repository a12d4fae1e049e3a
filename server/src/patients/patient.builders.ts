import { randomBytes } from 'node:crypto';
import type { Patient, Prisma, PrismaClient, Trial, TrialState } from '@ldn/db';

// Test builders for the patient domain: small records made straight in the database, and a way to
// call the API as a signed-in person that rejects with the first GraphQL error.

const unique = () => randomBytes(4).toString('hex');

/** A patient of `clinicId`; names and MRN are unique unless given. */
export function aPatient(
  prisma: PrismaClient,
  clinicId: string,
  overrides: Partial<Omit<Prisma.PatientUncheckedCreateInput, 'clinicId'>> = {},
): Promise<Patient> {
  return prisma.patient.create({
    data: {
      clinicId,
      mrn: `MRN-${unique()}`,
      givenName: `Given${unique()}`,
      familyName: `Family${unique()}`,
      dateOfBirth: new Date('1970-01-01T00:00:00Z'),
      ...overrides,
    },
  });
}

/**
 * A trial row in `state`, made directly: the trial API belongs to another module, and these tests
 * only need a trial to exist for the opioid hold.
 */
export function aTrial(
  prisma: PrismaClient,
  patient: Pick<Patient, 'id' | 'clinicId'>,
  prescriberId: string,
  state: TrialState = 'TITRATING',
): Promise<Trial> {
  return prisma.trial.create({
    data: {
      patientId: patient.id,
      clinicId: patient.clinicId,
      prescriberId,
      condition: 'FIBROMYALGIA',
      state,
      startDate: new Date('2026-02-01T00:00:00Z'),
      startDoseMg: 1.5,
      baselineScore: 7,
      baselineScoredOn: new Date('2026-01-30T00:00:00Z'),
      policy: {},
    },
  });
}

// The API caller lives with the shared test builders; re-exported for this domain's tests.
export { type Api, apiAs } from '../test/builders.ts';
