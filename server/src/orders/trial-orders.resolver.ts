import type { Order } from '@ldn/db';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context.ts';
import { CLINIC_ROLES } from '../trials/trial.resolver.ts';
import { TrialType } from '../trials/trial.type.ts';
import { asClinicOrder } from './order.loaders.ts';
import { ClinicOrderType } from './order.types.ts';

/** The orders of a trial, for its page: newest first, batched across trials. */
@Resolver(() => TrialType)
export class TrialOrdersResolver {
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [ClinicOrderType])
  async orders(@Root() trial: TrialType, @Ctx() ctx: Context): Promise<ClinicOrderType[]> {
    const orders = await ctx.loaders
      .many<Order>(
        'trial.orders',
        (prisma, ids) =>
          prisma.order.findMany({ where: { trialId: { in: ids } }, orderBy: { createdAt: 'desc' } }),
        (order) => order.trialId,
      )
      .load(trial.id);
    return Promise.all(orders.map((order) => asClinicOrder(ctx, order)));
  }
}
