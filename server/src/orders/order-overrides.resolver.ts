import { Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import { OverrideType, overrideOf } from '../trials/trial-events.type.ts';
import { overridesOf } from './order.loaders.ts';
import { ClinicOrderType } from './order.types.ts';

/** The soft stops overridden to write an order, shown with it (clinical-rules preamble). */
@Resolver(() => ClinicOrderType)
export class ClinicOrderOverridesResolver {
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [OverrideType], {
    description: 'Soft stops overridden to write or edit it (ORDER_ALREADY_OPEN, ORDER_OVERLAPS_SUPPLY).',
  })
  async overrides(
    @Root() order: ClinicOrderType,
    @ClinicRepo() repo: ClinicRepository,
  ): Promise<OverrideType[]> {
    const rows = await overridesOf(repo).load(order.id);
    return rows.map(overrideOf);
  }
}
