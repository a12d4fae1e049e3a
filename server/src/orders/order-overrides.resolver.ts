import type { Override } from '@ldn/db';
import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { Context } from '../graphql/context.ts';
import { OverrideType, overrideOf } from '../trials/trial-events.type.ts';
import { ClinicOrderType } from './order.types.ts';

/** The soft stops overridden to write an order, shown with it (clinical-rules preamble). */
@Resolver(() => ClinicOrderType)
export class ClinicOrderOverridesResolver {
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [OverrideType], {
    description: 'Soft stops overridden to write or edit it (ORDER_ALREADY_OPEN, ORDER_OVERLAPS_SUPPLY).',
  })
  async overrides(@Root() order: ClinicOrderType, @Ctx() ctx: Context): Promise<OverrideType[]> {
    const rows = await ctx.loaders
      .many<Override>(
        'order.overrides',
        (prisma, ids) =>
          prisma.override.findMany({ where: { orderId: { in: ids } }, orderBy: { givenAt: 'asc' } }),
        (override) => override.orderId ?? '',
      )
      .load(order.id);
    return rows.map(overrideOf);
  }
}
