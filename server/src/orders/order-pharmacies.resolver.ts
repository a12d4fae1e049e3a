import { Authorized, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';

@ObjectType('OrderPharmacy', {
  description: 'A compounding pharmacy your clinic may send orders to (set by the network administrator).',
})
export class OrderPharmacyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => Boolean, { description: 'Orders go here unless the prescriber picks another.' })
  isDefault!: boolean;
}

@Resolver()
export class OrderPharmaciesResolver {
  /** The pharmacies an order of the viewer's clinic may go to: the default first, then by name. */
  @Authorized(...CLINIC_ROLES)
  @Query(() => [OrderPharmacyType], {
    description:
      'The active pharmacies your clinic may send orders to: its default first, then by name. `createOrder` refuses any other.',
  })
  async orderPharmacies(@ClinicRepo() scope: ClinicRepository): Promise<OrderPharmacyType[]> {
    const { defaultPharmacyId, pharmacies } = await scope.orderablePharmacies();
    return pharmacies
      .map((pharmacy) => ({ ...pharmacy, isDefault: pharmacy.id === defaultPharmacyId }))
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  }
}
