import { IsOptional } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Text } from '../graphql/input-rules.ts';

/**
 * A postal address as every input of ours takes it, a patient's or an organisation's: null (or
 * blank) leaves a line empty. Lengths are the columns' VarChar sizes (prisma/schema.prisma).
 */
// Not an input of the schema of its own: no argument takes it (type-graphql emits only types in use).
@InputType('PostalAddressInput')
export abstract class PostalAddressInputFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 200 })
  addressLine1?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 200 })
  addressLine2?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 100 })
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 100 })
  region?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 20 })
  postalCode?: string | null;
}
