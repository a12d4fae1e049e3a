import type { PrismaClient } from '@ldn/db';
import { dbDate } from '../graphql/scalars.ts';

/**
 * A patient with an active trial started on `startDate`, written directly (the trial API is tested
 * on its own); `doseChanges` as [date, mg].
 */
export async function aTrialInClinic(
  prisma: PrismaClient,
  {
    clinicId,
    prescriberId,
    startDate = '2026-03-01',
    doseChanges = [],
  }: { clinicId: string; prescriberId: string; startDate?: string; doseChanges?: [string, number][] },
) {
  const patient = await prisma.patient.create({
    data: {
      clinicId,
      mrn: `MRN-${Math.random().toString(36).slice(2, 10)}`,
      givenName: 'Maria',
      familyName: 'Alvarez',
      dateOfBirth: dbDate('1970-04-02'),
      phone: '555-0101',
      addressLine1: '12 Elm Street',
      city: 'Springfield',
      region: 'OR',
      postalCode: '97477',
      allergies: 'Lactose',
    },
  });
  const trial = await prisma.trial.create({
    data: {
      patientId: patient.id,
      clinicId,
      prescriberId,
      condition: 'FIBROMYALGIA',
      state: 'TITRATING',
      startDate: dbDate(startDate),
      startDoseMg: 1.5,
      baselineScore: 7,
      baselineScoredOn: dbDate(startDate),
      policy: {},
      doseChanges: {
        create: doseChanges.map(([date, doseMg]) => ({
          changedOn: dbDate(date),
          doseMg,
          prescribedById: prescriberId,
        })),
      },
    },
  });
  return { patient, trial };
}

/** The clinic may send orders to the pharmacy (and uses it by default). */
export async function allowPharmacy(prisma: PrismaClient, clinicId: string, pharmacyId: string) {
  await prisma.organisation.update({ where: { id: clinicId }, data: { defaultPharmacyId: pharmacyId } });
  await prisma.clinicPharmacy.create({ data: { clinicId, pharmacyId } });
}
