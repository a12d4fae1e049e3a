import { Authorized, FieldResolver, Resolver, Root } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import { TrialType } from '../trials/trial.type.ts';
import { asClinicOrder, ordersOfTrial } from './order.loaders.ts';
import { ClinicOrderType } from './order.types.ts';

/** The orders of a trial, for its page: newest first, batched across trials. */
@Resolver(() => TrialType)
export class TrialOrdersResolver {
  @Authorized(...CLINIC_ROLES)
  @FieldResolver(() => [ClinicOrderType])
  async orders(@Root() trial: TrialType, @ClinicRepo() repo: ClinicRepository): Promise<ClinicOrderType[]> {
    const orders = await ordersOfTrial(repo).load(trial.id);
    return Promise.all(orders.map((order) => asClinicOrder(repo, order)));
  }
}
