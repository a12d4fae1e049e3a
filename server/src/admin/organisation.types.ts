import { OrganisationKind } from '@ldn/db';
import { Field, ID, ObjectType } from 'type-graphql';
import { OrganisationType } from '../auth/auth.types.ts';
import { PostalAddressFields } from '../platform/postal-address.type.ts';

/**
 * An organisation as the network administration manages it: contact details, a pharmacy's licence,
 * a clinic's pharmacies. A type of its own (not fields on `Organisation`), so these details are not
 * reachable through an order's or a person's organisation by anyone else.
 */
@ObjectType('ManagedOrganisation')
export class ManagedOrganisationType extends PostalAddressFields {
  @Field(() => ID)
  id: string;

  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'Pharmacies: the state board licence number.' })
  licenceNumber: string | null;

  @Field(() => OrganisationType, {
    nullable: true,
    description: 'Clinics: where orders go unless the prescriber picks another allowed pharmacy.',
  })
  defaultPharmacy: OrganisationType | null;

  @Field(() => [OrganisationType], { description: 'Clinics: the pharmacies it may send orders to.' })
  allowedPharmacies: OrganisationType[];

  @Field(() => Boolean)
  active: boolean;

  @Field(() => String, { description: 'Pass it back with an update: a stale version is refused.' })
  version: string;
}
