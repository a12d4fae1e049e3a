import { IsEmail, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { DateOf, Text } from '../graphql/input-rules.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { PostalAddressInputFields } from '../platform/postal-address.input.ts';

// Lengths are the columns' VarChar sizes (prisma/schema.prisma), so nothing too long reaches the DB.
/**
 * Validation options for inputs where a null must be judged, not skipped: type-graphql skips
 * null and undefined properties by default, which would let `givenName: null` or `first: null`
 * through to the database. `@IsOptional()` still lets null through where a column may be empty.
 */
export const NULLS_ARE_CHECKED = { validate: { skipMissingProperties: false } } as const;

/** A field the client may leave out; when given it must be a value, since the column is required. */
const IfGiven = () => ValidateIf((_input: object, value: unknown) => value !== undefined);

/**
 * The optional contact and clinical details both registering and changing a patient take: null
 * (or blank) leaves the field empty. Not used as an argument of its own, so not in the schema.
 */
@InputType('PatientDetailsInput')
class PatientDetailsInput extends PostalAddressInputFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 40 })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'Enter an email address, or leave it out.' })
  @Text({ max: 254 })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text; the pharmacy sees it on orders.' })
  @IsOptional()
  @Text({ max: 1000, multiline: true })
  allergies?: string | null;
}

/** A new patient of the viewer's clinic. */
@InputType()
export class RegisterPatientInput extends PatientDetailsInput {
  @Field(() => String, { description: 'Medical record number, unique within the clinic.' })
  @Text({ max: 40, required: 'Enter the medical record number.' })
  mrn: string;

  @Field(() => String)
  @Text({ max: 100, required: 'Enter the given name.' })
  givenName: string;

  @Field(() => String)
  @Text({ max: 100, required: 'Enter the family name.' })
  familyName: string;

  @Field(() => LocalDate, { description: 'Not in the future.' })
  @DateOf('BIRTH')
  dateOfBirth: string;
}

/**
 * A change to a patient: fields left out stay as they are; `null` clears an optional field. The
 * required fields (MRN, names, date of birth) cannot be cleared.
 */
@InputType()
export class UpdatePatientInput extends PatientDetailsInput {
  @Field(() => String, { nullable: true })
  @IfGiven()
  @IsString({ message: 'The medical record number cannot be cleared.' })
  @Text({ max: 40, required: 'Enter the medical record number.' })
  mrn?: string;

  @Field(() => String, { nullable: true })
  @IfGiven()
  @IsString({ message: 'The given name cannot be cleared.' })
  @Text({ max: 100, required: 'Enter the given name.' })
  givenName?: string;

  @Field(() => String, { nullable: true })
  @IfGiven()
  @IsString({ message: 'The family name cannot be cleared.' })
  @Text({ max: 100, required: 'Enter the family name.' })
  familyName?: string;

  @Field(() => LocalDate, { nullable: true })
  @DateOf('BIRTH')
  @IfGiven()
  @IsString({ message: 'The date of birth cannot be cleared.' })
  dateOfBirth?: string;
}

export const MAX_PAGE_SIZE = 100;

/** A page of the clinic's patients, optionally narrowed by a search. */
@ArgsType()
export class PatientsArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Name words (given or family, any case), a date of birth YYYY-MM-DD, or an MRN prefix.',
  })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  // Nullable with a default: as `Int! = 20`, an explicit null would fail inside graphql-js with
  // an error that has no code (a 500); here it reaches validation and is BAD_USER_INPUT.
  @Field(() => Int, { nullable: true, defaultValue: 20, description: `1 to ${MAX_PAGE_SIZE}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @MaxLength(500)
  after?: string | null;
}
