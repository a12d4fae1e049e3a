import { aNetwork, signIn } from '../test/builders.ts';
import type { TestServer } from '../test/harness.ts';
import { allowPharmacy, aTrialInClinic } from './order.builders.ts';

export const ORDER_FIELDS = `id state version kind formulation refills allergies delivery totalDaysSupply
  prescriberName prescriberNpi lotNumber beyondUseDate rejectionReason stateBeforeHold
  lines { sequence nightlyDoseMg strength strengthUnit quantity quantityUnit daysSupply startsOn directions }
  events { fromState toState actorName reason }`;

export const CREATE = `mutation ($trialId: ID!, $input: OrderInput!, $key: String) {
  createOrder(trialId: $trialId, input: $input, idempotencyKey: $key) { ${ORDER_FIELDS} pharmacyName }
}`;
export const SUBMIT = `mutation ($input: SubmitOrderInput!) { submitOrder(input: $input) { ${ORDER_FIELDS} } }`;
export const CANCEL = `mutation ($input: ReasonedOrderInput!) { cancelOrder(input: $input) { id state version } }`;
export const ACK =
  'mutation ($input: OrderVersionInput!) { acknowledgeOrder(input: $input) { id state version } }';
export const COMPOUND =
  'mutation ($input: OrderVersionInput!) { startCompounding(input: $input) { id state version } }';
export const READY =
  'mutation ($input: MarkReadyInput!) { markReady(input: $input) { id state version lotNumber beyondUseDate } }';
export const DISPENSE =
  'mutation ($input: DispenseOrderInput!) { dispenseOrder(input: $input) { id state version dispensedOn trackingNumber } }';
export const REJECT = `mutation ($input: ReasonedOrderInput!) { rejectOrder(input: $input) { id state version rejectionReason } }`;

export const CAPSULE_PACK = {
  kind: 'TITRATION_PACK',
  formulation: 'CAPSULE',
  payment: 'SELF_PAY',
  delivery: 'SHIP',
  refills: 0,
};

/** A network whose first clinic may order from the pharmacy, a trial there, and everyone signed in. */
export async function orderWorld(server: TestServer) {
  const cast = await aNetwork(server.db.prisma);
  await allowPharmacy(server.db.prisma, cast.clinic.id, cast.pharmacy.id);
  const { trial, patient } = await aTrialInClinic(server.db.prisma, {
    clinicId: cast.clinic.id,
    prescriberId: cast.clinician.id,
  });
  const [clinician, coordinator, pharmacist, otherClinician, admin] = await Promise.all(
    [cast.clinician, cast.coordinator, cast.pharmacist, cast.otherClinician, cast.admin].map((p) =>
      signIn(server, p),
    ),
  );
  return { cast, trial, patient, cookies: { clinician, coordinator, pharmacist, otherClinician, admin } };
}
