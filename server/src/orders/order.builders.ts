import type { OrderState, PrismaClient, Trial } from '@ldn/db';
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

/**
 * An order row written directly (for lists of many orders), with a line of `daysSupply` per entry
 * (30 days unless told). Behaviour tests move orders through the API instead.
 */
export async function anOrderRow(
  prisma: PrismaClient,
  trial: Trial,
  pharmacyId: string,
  order: {
    state: OrderState;
    createdAt: string;
    dispensedOn?: string;
    rejectionReason?: string;
    daysSupply?: number[];
  },
) {
  return prisma.order.create({
    data: {
      trialId: trial.id,
      patientId: trial.patientId,
      clinicId: trial.clinicId,
      pharmacyId,
      state: order.state,
      kind: 'SINGLE_STRENGTH',
      formulation: 'CAPSULE',
      payment: 'SELF_PAY',
      delivery: 'PICKUP',
      prescriberName: 'Dr Test',
      prescriberNpi: '1234567893',
      createdById: trial.prescriberId,
      createdAt: new Date(`${order.createdAt}T10:00:00Z`),
      updatedAt: new Date(`${order.createdAt}T12:00:00Z`),
      dispensedOn: order.dispensedOn === undefined ? null : dbDate(order.dispensedOn),
      rejectionReason: order.rejectionReason ?? null,
      lines: {
        create: (order.daysSupply ?? [30]).map((daysSupply, index) => ({
          sequence: index + 1,
          nightlyDoseMg: 1.5,
          strength: 1.5,
          strengthUnit: 'mg',
          quantity: daysSupply,
          quantityUnit: 'capsules',
          amountPerNight: 1,
          daysSupply,
          directions: 'Take one capsule at night',
        })),
      },
    },
  });
}

/**
 * The compounding record of an order put straight into READY (or later): compounded by one
 * pharmacist and verified by another, so that it may be dispensed.
 */
export function compoundedAndVerified(
  by: { pharmacist: { id: string }; secondPharmacist: { id: string } },
  at = new Date(),
) {
  return {
    compoundedById: by.pharmacist.id,
    compoundedAt: at,
    verifiedById: by.secondPharmacist.id,
    verifiedAt: at,
  };
}
