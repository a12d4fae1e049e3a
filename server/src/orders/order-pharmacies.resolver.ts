import { Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { ClinicScope } from '../access/clinic-scope.ts';
import type { Context } from '../graphql/context.ts';

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
    const clinic = await ctx.prisma.organisation.findUniqueOrThrow({
      where: { id: scope.clinicId },
      select: { defaultPharmacyId: true, allowedPharmacies: { select: { pharmacyId: true } } },
    });
    // The same set createOrder accepts (order-prescription.ts): the default and the allowed, if active.
    const ids = new Set(clinic.allowedPharmacies.map((allowed) => allowed.pharmacyId));
    if (clinic.defaultPharmacyId !== null) ids.add(clinic.defaultPharmacyId);
    const pharmacies = await ctx.prisma.organisation.findMany({
      where: { id: { in: [...ids] }, kind: 'PHARMACY', active: true },
      select: { id: true, name: true, city: true, phone: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    return pharmacies
      .map((pharmacy) => ({ ...pharmacy, isDefault: pharmacy.id === clinic.defaultPharmacyId }))
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  }
}
