import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../graphql/scalars.ts';
import { PostalAddressFields } from '../platform/postal-address.type.ts';

/** A patient of the viewer's clinic. Reached only through the clinic scope. */
@ObjectType('Patient')
export class PatientType extends PostalAddressFields {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Medical record number, unique within the clinic.' })
  mrn: string;

  @Field(() => String)
  givenName: string;

  @Field(() => String)
  familyName: string;

  @Field(() => LocalDate)
  dateOfBirth: Date;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  allergies: string | null;

  @Field(() => Int, { description: 'Increases with every change; send it back to update.' })
  version: number;
}
