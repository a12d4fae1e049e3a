import { nextRxNumber } from '@ldn/db';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import type { SystemRepository } from '../access/system-repository.ts';
import { audit } from '../audit/audit.ts';
import { confirmSignature } from '../auth/password-confirmation.ts';
import type { Context } from '../graphql/context.ts';
import { SingleFlight } from '../platform/single-flight.ts';
import { onceForKey } from './idempotency.ts';
import type { SubmitOrderInput } from './order.inputs.ts';
import { prescriberOf, recordSignature } from './order-signature.ts';
import { moveOrder } from './order-state.ts';

// A double click or a retry storm sends one submission several times at once. Each would count
// against the password-guessing limit it shares with sign-in, so the copies under way together
// share the first one's signature check and answer: a storm costs one password check.
const submissionsUnderWay = new SingleFlight<string>();

/**
 * Signs a DRAFT and sends it to the pharmacy; the order's id. The password confirms the signature
 * first (throttled like sign-in; wrong: SIGNATURE_INVALID, nothing changes); then, in one
 * transaction, the order moves to SUBMITTED with the signer as its prescriber and the signature is
 * written, and the order takes the pharmacy's next Rx number. The idempotency key makes a retry
 * answer with the same order; it is bound to the order and version, never to the password.
 */
export function submitSigned(
  ctx: Context,
  scope: ClinicRepository,
  system: SystemRepository,
  input: SubmitOrderInput,
): Promise<string> {
  const copy = [scope.viewer.userId, input.idempotencyKey, input.orderId, input.version].join('\n');
  return submissionsUnderWay.run(copy, async () => {
    const signer = await confirmSignature(ctx, system, input.password, {
      entity: 'Order',
      id: input.orderId,
    });
    const prescriber = prescriberOf(signer);
    return onceForKey(
      scope,
      { userId: scope.viewer.userId, operation: 'submitOrder', key: input.idempotencyKey },
      { orderId: input.orderId, version: input.version },
      async (tx) => {
        const signedAt = ctx.clock.now();
        const submitted = await moveOrder(tx, scope.orderWhere, 'submit', {
          orderId: input.orderId,
          version: input.version,
          actorId: scope.viewer.userId,
          data: { submittedAt: signedAt, ...prescriber },
        });
        // The Rx number is not part of what is signed (order-signature.ts).
        await recordSignature(tx, submitted, signer, signedAt);
        await audit(tx, ctx, 'SUBMIT', 'Order', submitted.id);
        // The pharmacy's Rx number, as a pharmacy system gives one when a prescription arrives:
        // drafts never take one, so numbers are not spent on orders that are never sent. Taken
        // last, with nothing written after it (the key already holds its answer), so the
        // counter's row lock — every submission to the pharmacy queues on it — is held for two
        // statements and the commit.
        await tx.order.update({
          where: { id: submitted.id },
          data: { rxNumber: await nextRxNumber(tx, submitted.pharmacyId) },
        });
        return submitted.id;
      },
      input.orderId,
    );
  });
}
