import { OrganisationKind } from '@ldn/db';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, ValidateIf } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Text } from '../graphql/input-rules.ts';
import { PostalAddressInputFields } from '../platform/postal-address.input.ts';

// Lengths are the columns' VarChar sizes (prisma/schema.prisma).
/**
 * What an administrator edits on a clinic or pharmacy. In an update a field left out stays as it
 * is and null empties it; `allowedPharmacyIds`, when given, replaces the whole list. Not used as an
 * argument of its own, so not in the schema.
 */
@InputType('OrganisationDetailsInput')
class OrganisationDetailsInput extends PostalAddressInputFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 40 })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Pharmacies only (required for one).' })
  @IsOptional()
  @Text({ max: 60 })
  licenceNumber?: string | null;

  @Field(() => ID, { nullable: true, description: 'Clinics only: one of allowedPharmacyIds.' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a pharmacy from the list.' })
  defaultPharmacyId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Clinics only: the pharmacies it may send orders to.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'Choose pharmacies from the list.' })
  allowedPharmacyIds?: string[] | null;
}

/** A new clinic or pharmacy (the network administration is made once, by `pnpm admin:create`). */
@InputType()
export class CreateOrganisationInput extends OrganisationDetailsInput {
  @Field(() => OrganisationKind, { description: 'CLINIC or PHARMACY.' })
  @IsEnum(OrganisationKind)
  kind: OrganisationKind;

  @Field(() => String)
  @Text({ max: 200, required: 'Enter the name.' })
  name: string;
}

/** Changes to a clinic or pharmacy; its kind never changes. */
@InputType()
export class UpdateOrganisationInput extends OrganisationDetailsInput {
  @Field(() => String, { nullable: true, description: 'Left out: unchanged. It cannot be emptied.' })
  @ValidateIf((_input: object, value: unknown) => value !== undefined)
  @IsString({ message: 'Enter the name.' })
  @Text({ max: 200, required: 'Enter the name.' })
  name?: string;
}

/** The details an organisation's input may carry, created or updated. */
export type OrganisationDetails = OrganisationDetailsInput & { name?: string };
