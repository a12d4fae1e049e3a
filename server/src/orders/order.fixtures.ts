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
export const VERIFY =
  'mutation ($input: OrderVersionInput!) { verifyOrder(input: $input) { id state version compounding { compoundedByName verifiedByName verifiedAt } } }';
export const DISPENSE =
  'mutation ($input: DispenseOrderInput!) { dispenseOrder(input: $input) { id state version dispensedOn trackingNumber } }';
export const REJECT = `mutation ($input: RejectOrderInput!) { rejectOrder(input: $input) { id state version rejectionCode rejectionReason } }`;

/** A titration pack of capsules, self-pay, shipped: a trial's first order. */
export const FIRST_CAPSULE_PACK = {
  kind: 'TITRATION_PACK',
  formulation: 'CAPSULE',
  payment: 'SELF_PAY',
  delivery: 'SHIP',
  refills: 0,
};

/**
 * The same pack with reasons for the overlap soft stops: the lifecycle tests write many orders for
 * one trial on purpose (orders.overlap.int.test.ts tests the stops themselves). A reason for a
 * soft stop that is not raised is not stored.
 */
export const CAPSULE_PACK = {
  ...FIRST_CAPSULE_PACK,
  overrides: [
    { code: 'ORDER_ALREADY_OPEN', reason: 'Several orders of one trial under test' },
    { code: 'ORDER_OVERLAPS_SUPPLY', reason: 'Several orders of one trial under test' },
  ],
};

/** A network whose first clinic may order from the pharmacy, a trial there, and everyone signed in. */
export async function orderWorld(server: TestServer) {
  const cast = await aNetwork(server.db.prisma);
  await allowPharmacy(server.db.prisma, cast.clinic.id, cast.pharmacy.id);
  const { trial, patient } = await aTrialInClinic(server.db.prisma, {
    clinicId: cast.clinic.id,
    prescriberId: cast.clinician.id,
  });
  // A tuple, so each cookie is typed as one (not as "maybe missing").
  const [clinician, coordinator, pharmacist, secondPharmacist, otherClinician, admin] = await Promise.all([
    signIn(server, cast.clinician),
    signIn(server, cast.coordinator),
    signIn(server, cast.pharmacist),
    signIn(server, cast.secondPharmacist),
    signIn(server, cast.otherClinician),
    signIn(server, cast.admin),
  ]);
  return {
    cast,
    trial,
    patient,
    cookies: { clinician, coordinator, pharmacist, secondPharmacist, otherClinician, admin },
  };
}

/**
 * A DRAFT the coordinator of `world` prepared on a new trial of its clinic whose prescriber is
 * `prescriberId` (the clinician who will sign it): its id and version.
 */
export async function aDraftToSign(
  server: TestServer,
  world: Awaited<ReturnType<typeof orderWorld>>,
  prescriberId: string,
): Promise<{ id: string; version: number }> {
  const { trial } = await aTrialInClinic(server.db.prisma, { clinicId: world.cast.clinic.id, prescriberId });
  const created = await server.graphql<{ createOrder: { id: string; version: number } }>(
    CREATE,
    { trialId: trial.id, input: CAPSULE_PACK },
    { cookie: world.cookies.coordinator },
  );
  if (created.data == null) throw new Error(`no draft: ${JSON.stringify(created.errors)}`);
  return created.data.createOrder;
}
