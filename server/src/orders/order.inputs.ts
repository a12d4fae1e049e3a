import { IsInt, IsOptional, IsPositive, Matches, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateOf, Text } from '../graphql/input-rules.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { Delivery, Formulation, LiquidVehicle, OrderKind, Payment } from './order.enums.ts';

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
}

@InputType()
export class OrderVersionInput {
  @Field(() => ID)
  orderId: string;

  @Field(() => Int)
  version: number;
}

@InputType()
export class ReasonedOrderInput extends OrderVersionInput {
  @Field(() => String)
  @Text({ max: 1000, multiline: true, required: 'Say why.', min: 3 })
  reason: string;
}

@InputType()
export class MarkReadyInput extends OrderVersionInput {
  @Field(() => String)
  @Text({ max: 60, required: 'Enter the lot number.' })
  lotNumber: string;

  @Field(() => LocalDate)
  beyondUseDate: string;

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
