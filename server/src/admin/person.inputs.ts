import { Role } from '@ldn/db';
import { IsEmail, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Text } from '../graphql/input-rules.ts';

/** A person to invite into a clinic, a pharmacy or the network administration. */
@InputType()
export class InvitePersonInput {
  @Field(() => String, { description: 'Unique across the installation; stored lower-case.' })
  @IsEmail({}, { message: 'Enter an email address.' })
  @Text({ max: 254 })
  email: string;

  @Field(() => String)
  @Text({ max: 200, required: 'Enter the name.' })
  name: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'Choose an organisation from the list.' })
  organisationId: string;

  @Field(() => Role, { description: 'Must fit the organisation: clinic CLINICIAN/COORDINATOR, …' })
  @IsEnum(Role)
  role: Role;

  @Field(() => String, { nullable: true, description: 'Clinicians only, and required for them.' })
  @IsOptional()
  @Text({ max: 10 })
  npi?: string | null;
}
