import { Role } from '@ldn/db';
import { Field, ID, ObjectType } from 'type-graphql';
import { OrganisationType } from '../auth/auth.types.ts';

@ObjectType('Person', { description: 'Someone who signs in: one organisation, one role.' })
export class PersonType {
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

  @Field(() => Boolean, { description: 'False once deactivated: cannot sign in, sessions ended.' })
  active: boolean;

  @Field(() => Date, { nullable: true })
  deactivatedAt: Date | null;

  @Field(() => Boolean, { description: 'Invited but no password set yet.' })
  invitationPending: boolean;

  @Field(() => Date)
  createdAt: Date;
}

@ObjectType('PersonLink', {
  description:
    'A one-time link for a person (invitation or password reset). There is no mail server: the ' +
    'administrator hands it over. It is shown once; only its hash is stored.',
})
export class PersonLinkType {
  @Field(() => PersonType)
  person: PersonType;

  @Field(() => String, { description: 'A path on the portal, e.g. /accept-invitation?token=…' })
  link: string;

  @Field(() => Date)
  expiresAt: Date;
}
