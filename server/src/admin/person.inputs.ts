import { Role } from '@ldn/db';
import { IsEmail, IsEnum, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

const NOT_BLANK = /\S/;

/** A person to invite into a clinic, a pharmacy or the network administration. */
@InputType()
export class InvitePersonInput {
  @Field(() => String, { description: 'Unique across the installation; stored lower-case.' })
  @IsEmail({}, { message: 'Enter an email address.' })
  @MaxLength(254)
  email: string;

  @Field(() => String)
  @Matches(NOT_BLANK, { message: 'Enter the name.' })
  @MaxLength(200)
  name: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose an organisation from the list.' })
  organisationId: string;

  @Field(() => Role, { description: 'Must fit the organisation: clinic CLINICIAN/COORDINATOR, …' })
  @IsEnum(Role)
  role: Role;

  @Field(() => String, { nullable: true, description: 'Clinicians only, and required for them.' })
  @IsOptional()
  @MaxLength(10, { message: 'An NPI is 10 digits.' })
  npi?: string | null;
}
