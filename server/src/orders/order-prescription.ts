import type { Prisma, Trial } from '@ldn/db';
import { isValidNpi, type Override } from '@ldn/rules';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { assertCorrectable } from '../corrections/record-correction.ts';
import { dbDate } from '../graphql/scalars.ts';
import type { Clock } from '../platform/clock.ts';
import { badInput, invalidTransition } from '../platform/errors.ts';
import { isActiveTrial } from '../trials/trial-holds.ts';
import { overridesOf } from '../trials/trial-start.input.ts';
import type { OrderInput } from './order.inputs.ts';
import { draftOrderLines, lineRows, orderFromDate, scheduleOf } from './order-draft.ts';
import { enforceNoOverlap } from './order-overlap.ts';
import { orderablePharmacies } from './orderable-pharmacies.ts';

type Tx = Prisma.TransactionClient;

/** The pharmacy the order goes to: the one asked for, or the clinic's default; it must be orderable. */
async function pharmacyFor(tx: Tx, clinicId: string, requested: string | undefined): Promise<string> {
  const { defaultPharmacyId, pharmacies } = await orderablePharmacies(tx, clinicId);
  const pharmacyId = requested ?? defaultPharmacyId;
  if (pharmacyId === null)
    throw badInput('pharmacyId', 'Choose a pharmacy: the clinic has no default pharmacy.');
  if (!pharmacies.some((pharmacy) => pharmacy.id === pharmacyId)) {
    throw badInput('pharmacyId', 'The clinic may not send orders to this pharmacy.');
  }
  return pharmacyId;
}

/**
 * Everything an order says, built from the trial and the request: lines from the rules package,
 * the prescriber (with a valid NPI), the patient's allergies and address, the pharmacy, and the
 * override reasons its overlap soft stops need (the trial's other orders, without `editedOrderId`).
 */
export async function prescription(
  tx: Tx,
  scope: ClinicRepository,
  trial: Trial,
  input: OrderInput,
  clock: Clock,
  editedOrderId: string | null = null,
): Promise<
  Omit<Prisma.OrderUncheckedCreateInput, 'state' | 'createdById' | 'lines' | 'events'> & {
    lineRows: ReturnType<typeof lineRows>;
    acceptedOverrides: Override[];
  }
> {
  assertCorrectable(trial);
  if (!isActiveTrial(trial) || trial.state === 'ON_HOLD') {
    throw invalidTransition(`A trial that is ${trial.state} cannot be ordered for.`, trial.state);
  }
  const schedule = await scheduleOf(tx, trial);
  const draft = draftOrderLines(schedule, input, clock.today());
  const fromDate = orderFromDate(schedule, input, clock.today());
  const overrides = overridesOf(input.overrides);
  const acceptedOverrides = await enforceNoOverlap(tx, trial, draft, fromDate, overrides, editedOrderId);
  const prescriberId = scope.viewer.role === 'CLINICIAN' ? scope.viewer.userId : trial.prescriberId;
  const prescriber = await tx.user.findUniqueOrThrow({ where: { id: prescriberId } });
  if (prescriber.npi === null || !isValidNpi(prescriber.npi)) {
    throw badInput('prescriberNpi', 'The prescriber has no valid NPI on file; an order needs one.');
  }
  const patient = await tx.patient.findUniqueOrThrow({ where: { id: trial.patientId } });
  const shipTo =
    input.delivery === 'PICKUP'
      ? null
      : (input.shipTo ?? {
          line1: patient.addressLine1,
          line2: patient.addressLine2,
          city: patient.city,
          region: patient.region,
          postalCode: patient.postalCode,
        });
  if (shipTo !== null && (!shipTo.line1 || !shipTo.city || !shipTo.postalCode)) {
    throw badInput('shipTo', 'A shipped order needs an address (line 1, city and postal code).');
  }
  return {
    trialId: trial.id,
    patientId: trial.patientId,
    clinicId: scope.clinicId,
    pharmacyId: await pharmacyFor(tx, scope.clinicId, input.pharmacyId),
    kind: draft.kind,
    formulation: draft.formulation,
    liquidStrengthMgPerMl: input.formulation === 'CAPSULE' ? null : (draft.lines[0]?.strength.value ?? null),
    vehicle: input.formulation === 'CAPSULE' ? null : (input.vehicle ?? null),
    refills: input.refills,
    excipientNotes: input.excipientNotes ?? null,
    allergies: patient.allergies,
    payment: input.payment,
    insuranceNote: input.insuranceNote ?? null,
    delivery: input.delivery,
    shipToLine1: shipTo?.line1 ?? null,
    shipToLine2: shipTo?.line2 ?? null,
    shipToCity: shipTo?.city ?? null,
    shipToRegion: shipTo?.region ?? null,
    shipToPostal: shipTo?.postalCode ?? null,
    prescriberId: prescriber.id,
    prescriberName: prescriber.name,
    prescriberNpi: prescriber.npi,
    // Default: the first night the order covers, or the first night asked for.
    needBy: dbDate(input.needBy ?? draft.lines[0]?.startsOn ?? fromDate),
    lineRows: lineRows(draft),
    acceptedOverrides,
  };
}
