import { IsInt, IsOptional, IsPositive, Matches, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateOf, Text } from '../graphql/input-rules.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { OverrideInput } from '../trials/override.input.ts';
import { Delivery, Formulation, LiquidVehicle, OrderKind, Payment, RejectionCode } from './order.enums.ts';

@InputType()
export class ShipToInput {
  @Field(() => String)
  @Text({ max: 200, required: 'Enter the address.' })
  line1: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 200 })
  line2?: string;

  @Field(() => String)
  @Text({ max: 100, required: 'Enter the city.' })
  city: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 100 })
  region?: string;

  @Field(() => String)
  @Text({ max: 20, required: 'Enter the postal code.' })
  postalCode: string;
}

@InputType({ description: 'What to compound; the lines themselves come from the rules package.' })
export class OrderInput {
  @Field(() => OrderKind, {
    description: 'TITRATION_PACK follows the trial’s schedule; SINGLE_STRENGTH one dose.',
  })
  kind: OrderKind;

  @Field(() => Formulation)
  formulation: Formulation;

  @Field(() => ID, { nullable: true, description: 'Default: the clinic’s default pharmacy.' })
  @IsOptional()
  pharmacyId?: string;

  @Field(() => Float, {
    nullable: true,
    description: 'SINGLE_STRENGTH: nightly dose; default the trial’s current dose.',
  })
  @IsOptional()
  doseMg?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'SINGLE_STRENGTH nights, or the target line of a pack (default 30).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  daysSupply?: number;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'First night covered (default: today or the start).',
  })
  @IsOptional()
  fromDate?: string;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'When the patient needs the supply by (default: the first night covered).',
  })
  @IsOptional()
  @DateOf('NEED_BY')
  needBy?: string;

  @Field(() => Float, { nullable: true, description: 'Liquids: mg per mL (default 1).' })
  @IsOptional()
  @IsPositive()
  @Max(50)
  liquidStrengthMgPerMl?: number;

  @Field(() => LiquidVehicle, { nullable: true })
  @IsOptional()
  vehicle?: LiquidVehicle;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(11)
  refills: number;

  @Field(() => String, { nullable: true, description: 'e.g. "no slow-release filler".' })
  @IsOptional()
  @Text({ max: 500, multiline: true })
  excipientNotes?: string;

  @Field(() => Payment)
  payment: Payment;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text({ max: 300, multiline: true })
  insuranceNote?: string;

  @Field(() => Delivery)
  delivery: Delivery;

  @Field(() => ShipToInput, { nullable: true, description: 'SHIP: default the patient’s address.' })
  @IsOptional()
  shipTo?: ShipToInput;

  @Field(() => [OverrideInput], {
    defaultValue: [],
    description: 'Reasons for ORDER_ALREADY_OPEN / ORDER_OVERLAPS_SUPPLY; stored with the order.',
  })
  @ValidateNested({ each: true })
  overrides: OverrideInput[];
}

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

@InputType()
export class SubmitOrderInput {
  @Field(() => ID)
  orderId: string;

  @Field(() => Int)
  version: number;

  @Field(() => String, {
    description: 'The same key again (a retry, a double click) returns the same order.',
  })
  @Text({ max: 100 })
  @Matches(IDEMPOTENCY_KEY, { message: 'idempotencyKey must be 8–100 letters, digits or ._:-' })
  idempotencyKey: string;

  @Field(() => String, {
    description:
      'The signer’s password, re-entered to sign (checked, then forgotten: never stored, logged or part of the idempotency key).',
  })
  @MinLength(1, { message: 'Enter your password to sign.' })
  @Text({ max: 200 })
  password: string;
}

@InputType()
export class OrderVersionInput {
  @Field(() => ID)
  orderId: string;

  @Field(() => Int)
  version: number;
}

@InputType({
  description: 'Why the pharmacy rejects an order: a coded reason the clinic can act on, and a note.',
})
export class RejectOrderInput extends OrderVersionInput {
  @Field(() => RejectionCode)
  code: RejectionCode;

  @Field(() => String, { nullable: true, description: 'What the clinic should know; required for OTHER.' })
  @IsOptional()
  @Text({ max: 1000, multiline: true, required: 'Say why.', min: 3 })
  reason?: string | null;
}

@InputType()
export class ReasonedOrderInput extends OrderVersionInput {
  @Field(() => String)
  @Text({ max: 1000, multiline: true, required: 'Say why.', min: 3 })
  reason: string;
}

@InputType({
  description: 'One line’s own preparation: each strength of a pack is compounded as its own lot.',
})
export class LineLotInput {
  @Field(() => Int)
  sequence: number;

  @Field(() => String)
  @Text({ max: 60, required: 'Enter the lot number.' })
  lotNumber: string;

  @Field(() => LocalDate)
  beyondUseDate: string;
}

@InputType()
export class MarkReadyInput extends OrderVersionInput {
  @Field(() => String, {
    nullable: true,
    description: 'The lot of every line, unless `lines` gives each its own.',
  })
  @IsOptional()
  @Text({ max: 60, required: 'Enter the lot number.' })
  lotNumber?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Every line’s, unless `lines` gives each its own.' })
  @IsOptional()
  beyondUseDate?: string | null;

  @Field(() => [LineLotInput], {
    nullable: true,
    description: 'A lot and beyond-use date for each line (every line once), instead of one for the order.',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  lines?: LineLotInput[] | null;

  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  @IsOptional()
  @DateOf('EVENT')
  compoundedOn?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Needed when the BUD is beyond the USP <795> default.',
  })
  @IsOptional()
  @Text({ max: 500, multiline: true })
  budReason?: string | null;
}

@InputType()
export class DispenseOrderInput extends OrderVersionInput {
  @Field(() => LocalDate, { nullable: true, description: 'Default today.' })
  @IsOptional()
  @DateOf('EVENT')
  dispensedOn?: string;

  @Field(() => String, { nullable: true, description: 'Shipped orders: the carrier’s tracking number.' })
  @IsOptional()
  @Text({ max: 100, min: 4 })
  trackingNumber?: string | null;
}
