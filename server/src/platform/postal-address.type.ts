import { Field, ObjectType } from 'type-graphql';

/** A postal address as every record of ours stores it: a patient, an organisation, a label. */
// Not a type of the schema of its own: no field returns it (type-graphql emits only types in use).
@ObjectType()
export abstract class PostalAddressFields {
  @Field(() => String, { nullable: true })
  addressLine1: string | null;

  @Field(() => String, { nullable: true })
  addressLine2: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true })
  postalCode: string | null;
}
