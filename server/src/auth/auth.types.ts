import { OrganisationKind, Role } from '@ldn/db';
import { IsEmail, MinLength } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Text } from '../graphql/input-rules.ts';

registerEnumType(Role, { name: 'Role', description: 'One role per person (workflows.md).' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });

@ObjectType('Organisation', {
  description: 'A clinic, a compounding pharmacy or the network administration.',
})
export class OrganisationType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => OrganisationKind)
  kind: OrganisationKind;
}

@ObjectType('Me', { description: 'The signed-in person.' })
export class MeType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  email: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String, { nullable: true, description: 'Clinicians: National Provider Identifier.' })
  npi: string | null;

  @Field(() => OrganisationType)
  organisation: OrganisationType;
}

@InputType()
export class SignInInput {
  @Field(() => String)
  @IsEmail({}, { message: 'Enter an email address.' })
  @Text({ max: 254 })
  email: string;

  @Field(() => String)
  @MinLength(1, { message: 'Enter your password.' })
  @Text({ max: 200 })
  password: string;
}
