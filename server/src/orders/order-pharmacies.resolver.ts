import { Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { ClinicScope } from '../access/clinic-scope.ts';
import type { Context } from '../graphql/context.ts';
import { orderablePharmacies } from './order-prescription.ts';

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
  @Authorized('CLINICIAN', 'COORDINATOR')
  @Query(() => [OrderPharmacyType], {
    description:
      'The active pharmacies your clinic may send orders to: its default first, then by name. `createOrder` refuses any other.',
  })
  async orderPharmacies(@Ctx() ctx: Context): Promise<OrderPharmacyType[]> {
    const scope = ClinicScope.of(ctx);
    const { defaultPharmacyId, pharmacies } = await orderablePharmacies(ctx.prisma, scope.clinicId);
    return pharmacies
      .map((pharmacy) => ({ ...pharmacy, isDefault: pharmacy.id === defaultPharmacyId }))
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  }
}
