import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('PasswordSet', { description: 'A password was set through a one-time link: sign in with it.' })
export class PasswordSetType {
  @Field(() => String, { description: 'The email to sign in with.' })
  email: string;
}

@ObjectType('MySession', { description: 'One of the signed-in person’s live sessions (a browser).' })
export class MySessionType {
  @Field(() => ID)
  id: string;

  @Field(() => Date, { description: 'When this session signed in.' })
  createdAt: Date;

  @Field(() => Date)
  lastSeenAt: Date;

  @Field(() => Date, { description: 'It ends then at the latest, however active.' })
  expiresAt: Date;

  @Field(() => String, { nullable: true })
  userAgent: string | null;

  @Field(() => Boolean, { description: 'True for the session this request came with.' })
  current: boolean;
}
