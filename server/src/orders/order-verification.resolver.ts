import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { PharmacyRepository } from '../access/pharmacy-repository.ts';
import { PharmacyRepo } from '../access/repository-decorators.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { userNames } from '../graphql/user-names.ts';
import { OrderVersionInput } from './order.inputs.ts';
import { CompoundingRecordType, PharmacyOrderType } from './order.types.ts';
import { verifyOrder } from './order-verification.ts';
import { type PharmacyOrderRoot, pharmacyOrder } from './pharmacy-orders.resolver.ts';

/** The two-person compounding record of a pharmacy's order: who compounded, who verified. */
@Resolver(() => PharmacyOrderType)
export class OrderVerificationResolver {
  /**
   * A second pharmacist of the pharmacy checks a READY order against its prescription before it is
   * dispensed; the pharmacist who compounded it is refused (FORBIDDEN, VERIFIER_IS_COMPOUNDER).
   */
  @Authorized('PHARMACIST')
  @Mutation(() => PharmacyOrderType)
  async verifyOrder(
    @Arg('input', () => OrderVersionInput) input: OrderVersionInput,
    @PharmacyRepo() scope: PharmacyRepository,
    @Ctx() ctx: Context,
  ): Promise<PharmacyOrderType> {
    const order = await scope.transaction(async (tx) => {
      const verified = await verifyOrder(tx, scope.orderWhere, {
        orderId: input.orderId,
        version: input.version,
        verifierId: scope.viewer.userId,
        at: ctx.clock.now(),
      });
      await audit(tx, ctx, 'VERIFY', 'Order', verified.id);
      return verified;
    });
    return pharmacyOrder(scope, order);
  }

  /** Once marked ready: who compounded it and, once verified, who verified it (printed names). */
  @Authorized('PHARMACIST')
  @FieldResolver(() => CompoundingRecordType, { nullable: true })
  async compounding(
    @Root() order: PharmacyOrderRoot,
    @PharmacyRepo() scope: PharmacyRepository,
  ): Promise<CompoundingRecordType | null> {
    if (order.compoundedById === null || order.compoundedAt === null) return null;
    const names = userNames(scope);
    const [compounder, verifier] = await Promise.all([
      names.load(order.compoundedById),
      order.verifiedById === null ? null : names.load(order.verifiedById),
    ]);
    return {
      compoundedByName: compounder?.name ?? '',
      compoundedAt: order.compoundedAt,
      compoundedByViewer: order.compoundedById === scope.viewer.userId,
      verifiedByName: verifier?.name ?? null,
      verifiedAt: order.verifiedAt,
    };
  }
}
