import { randomUUID } from 'node:crypto';
import type { Order, OrderSignature, User } from '@ldn/db';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import type { SystemRepository } from '../access/system-repository.ts';
import { confirmSignature, passwordTag } from '../auth/password-confirmation.ts';
import type { Context } from '../graphql/context.ts';
import { conflict, invalidTransition, notFound } from '../platform/errors.ts';
import { SingleFlight } from '../platform/single-flight.ts';
import { type KeyOf, requestFingerprint, storedAnswer } from './idempotency.ts';
import type { SubmitOrderInput } from './order.inputs.ts';
import { asClinicOrder, linesOf } from './order.loaders.ts';
import type { ClinicOrderType } from './order.types.ts';
import {
  type Prescriber,
  prescriberOf,
  signatureBy,
  signaturesOf,
  signedPatientsOf,
} from './order-signature.ts';
import { canLeave, ORDER_TRANSITIONS } from './order-transitions.ts';

/**
 * How long an identical submission (same person, key, order, version and password) made after one
 * succeeded gets its answer without being sent again: a double click, or a client retrying an
 * answer it lost, comes within seconds.
 */
const IDENTICAL_SUBMISSION_ANSWERED_MS = 10_000;

// A double click or a retry storm sends one submission several times at once or within seconds.
// Each would count against the password-guessing limit it shares with sign-in and read the order
// again, so identical copies share the first one's signature check and answer: a storm costs one
// password check and one read of the order it answers with. A copy with another password is not
// identical: it is checked on its own.
const submissionsUnderWay = new SingleFlight<ClinicOrderType>(IDENTICAL_SUBMISSION_ANSWERED_MS);

const SUBMIT = ORDER_TRANSITIONS.submit;

/** A draft as read for its signature, the signature, and the key the submission is sent with. */
interface Signing {
  draft: Order;
  prescriber: Prescriber;
  signature: OrderSignature;
  key: KeyOf;
  fingerprint: string;
}

/**
 * The draft in the clinic at the version the person read, ready to be submitted: NOT_FOUND,
 * CONFLICT (another version) or INVALID_TRANSITION (not a draft any more) otherwise.
 */
async function draftToSubmit(scope: ClinicRepository, input: Submission): Promise<Order> {
  const draft = await scope.order(input.orderId);
  if (draft.version !== input.version) throw conflict();
  if (!canLeave('submit', draft.state))
    throw invalidTransition(`An order that is ${draft.state} cannot be submitted.`, draft.state);
  return draft;
}

/**
 * The submission's writes in ONE statement, so one implicit transaction: the key, bound to the
 * order and its version, then the pharmacy's next Rx number, the move to SUBMITTED with the signer
 * as prescriber, the event, the signature and the audit row. Each write happens only if the one
 * before it did: the draft must still be at its version (its row locked until the statement ends),
 * and the key must be new. The pharmacy's counter row, which every submission to the pharmacy
 * queues on, is locked for the rest of this statement only, never across a round trip to this
 * server (tens of milliseconds each under load, which queued a batch's submissions one after
 * another). The order's id, or null when nothing was written (the draft moved, or the key was
 * taken, since it was read).
 */
async function submitInOneStatement(scope: ClinicRepository, signing: Signing): Promise<string | null> {
  const { draft, prescriber, signature, key } = signing;
  const audit = scope.auditContext;
  const rows = await scope.read(
    (client) => client.$queryRaw<{ id: string }[]>`
      WITH draft AS (
        SELECT id, "pharmacyId" FROM "Order"
        WHERE id = ${draft.id}::uuid AND "clinicId" = ${scope.clinicId}::uuid
          AND version = ${draft.version}::int AND state = ${draft.state}::"OrderState"
        FOR UPDATE
      ), claimed AS (
        INSERT INTO "IdempotencyKey" ("userId", operation, key, "orderId", fingerprint)
        SELECT ${key.userId}::uuid, ${key.operation}, ${key.key}, id, ${signing.fingerprint} FROM draft
        ON CONFLICT DO NOTHING
        RETURNING "orderId"
      ), rx AS (
        INSERT INTO "PharmacyRxCounter" ("pharmacyId", "lastRxNumber")
        SELECT draft."pharmacyId", 1 FROM draft JOIN claimed ON claimed."orderId" = draft.id
        ON CONFLICT ("pharmacyId") DO UPDATE SET "lastRxNumber" = "PharmacyRxCounter"."lastRxNumber" + 1
        RETURNING "lastRxNumber"
      ), submitted AS (
        UPDATE "Order" SET
          state = ${SUBMIT.to}::"OrderState", version = "Order".version + 1, "submittedAt" = ${signature.signedAt}::timestamptz,
          "prescriberId" = ${prescriber.prescriberId}::uuid, "prescriberName" = ${prescriber.prescriberName},
          "prescriberNpi" = ${prescriber.prescriberNpi}, "rxNumber" = rx."lastRxNumber", "updatedAt" = CURRENT_TIMESTAMP
        FROM rx WHERE "Order".id = ${draft.id}::uuid
        RETURNING "Order".id
      ), event AS (
        INSERT INTO "OrderEvent" (id, "orderId", "fromState", "toState", "actorId")
        SELECT ${randomUUID()}::uuid, id, ${draft.state}::"OrderState", ${SUBMIT.to}::"OrderState", ${key.userId}::uuid
        FROM submitted
      ), signature AS (
        INSERT INTO "OrderSignature" (id, "orderId", "signerId", "signerName", "signerNpi", "signedAt", meaning, "contentHash")
        SELECT ${signature.id}::uuid, id, ${signature.signerId}::uuid, ${signature.signerName}, ${signature.signerNpi},
               ${signature.signedAt}::timestamptz, ${signature.meaning}, ${signature.contentHash}
        FROM submitted
      ), audited AS (
        INSERT INTO "AuditLog" ("actorId", "organisationId", action, entity, "entityId", "requestId")
        SELECT ${audit.viewer?.userId ?? null}::uuid, ${audit.viewer?.organisationId ?? null}::uuid, 'SUBMIT', 'Order',
               id::text, ${audit.requestId}
        FROM submitted
      )
      SELECT id::text FROM submitted`,
  );
  return rows[0]?.id ?? null;
}

/** The order as the clinic sees it, read for the request `scope` serves. */
const clinicOrderOf = async (scope: ClinicRepository, orderId: string) =>
  asClinicOrder(scope, await scope.order(orderId));

/** What a submission names: the draft at the version read, and the idempotency key it is sent with. */
export type Submission = Pick<SubmitOrderInput, 'orderId' | 'version' | 'idempotencyKey'>;

/**
 * Submits the draft `submission` names as signed by `signer` at `signedAt`, once the password has
 * confirmed them; the order as the clinic now sees it. Exactly once per key, whatever runs beside
 * it in this process or another: a key already answered gets its order back, a key taken by a
 * concurrent call gets that call's order, another request with the key is refused.
 */
export async function submitAsSigner(
  scope: ClinicRepository,
  signer: User,
  submission: Submission,
  signedAt: Date,
): Promise<ClinicOrderType> {
  const prescriber = prescriberOf(signer);
  const key = { userId: scope.viewer.userId, operation: 'submitOrder', key: submission.idempotencyKey };
  const fingerprint = requestFingerprint(key.operation, {
    orderId: submission.orderId,
    version: submission.version,
  });
  const earlier = await storedAnswer(scope, key, fingerprint);
  if (earlier !== null) return clinicOrderOf(scope, earlier);
  const draft = await draftToSubmit(scope, submission);
  // Through the request's loaders: the answer below reads the lines and the patient from them.
  const [lines, patient] = await Promise.all([
    linesOf(scope).load(draft.id),
    signedPatientsOf(scope).load(draft.patientId),
  ]);
  if (patient === null) throw notFound('Patient');
  const signature = signatureBy(signer, draft, lines, patient, signedAt);
  if ((await submitInOneStatement(scope, { draft, prescriber, signature, key, fingerprint })) !== null) {
    signaturesOf(scope).prime(draft.id, signature);
    return clinicOrderOf(scope, draft.id);
  }
  // Nothing written: another call took the key first (its answer), or the draft moved (CONFLICT).
  const first = await storedAnswer(scope, key, fingerprint);
  if (first === null) throw conflict();
  return clinicOrderOf(scope, first);
}

/**
 * Signs a DRAFT and sends it to the pharmacy; the order as the clinic now sees it. The password
 * confirms the signature first (throttled like sign-in; wrong: SIGNATURE_INVALID, nothing
 * changes); then, in one statement, the order moves to SUBMITTED with the signer as its
 * prescriber, the signature is written, and the order takes the pharmacy's next Rx number. The
 * idempotency key makes a retry answer with the same order; it is bound to the order and version,
 * never to the password.
 */
export function submitSigned(
  ctx: Context,
  scope: ClinicRepository,
  system: SystemRepository,
  input: SubmitOrderInput,
): Promise<ClinicOrderType> {
  const copy = [
    scope.viewer.userId,
    input.idempotencyKey,
    input.orderId,
    input.version,
    passwordTag(input.password),
  ].join('\n');
  return submissionsUnderWay.run(copy, async () => {
    const signer = await confirmSignature(ctx, system, input.password, {
      entity: 'Order',
      id: input.orderId,
    });
    return submitAsSigner(scope, signer, input, ctx.clock.now());
  });
}
