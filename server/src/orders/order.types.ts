import { Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { LocalDate } from '../graphql/scalars.ts';
import { Delivery, Formulation, LiquidVehicle, OrderKind, OrderState, Payment } from './order.enums.ts';

@ObjectType('OrderLine', { description: 'One strength of naltrexone HCl, for a number of nights.' })
export class OrderLineType {
  @Field(() => Int)
  sequence: number;

  @Field(() => Float, { description: 'The nightly dose this line gives (never above 4.5 mg).' })
  nightlyDoseMg: number;

  @Field(() => Float, { description: 'mg per capsule, or mg per mL of a liquid (strengthUnit).' })
  strength: number;

  @Field(() => String)
  strengthUnit: string;

  @Field(() => Float, { description: 'Capsules, or mL (quantityUnit).' })
  quantity: number;

  @Field(() => String)
  quantityUnit: string;

  @Field(() => Float)
  amountPerNight: number;

  @Field(() => Int)
  daysSupply: number;

  @Field(() => LocalDate, { nullable: true })
  startsOn: string | null;

  @Field(() => String)
  directions: string;
}

@ObjectType('OrderEvent', { description: 'A transition of an order: who, when, from, to, why.' })
export class OrderEventType {
  @Field(() => OrderState, { nullable: true })
  fromState: OrderState | null;

  @Field(() => OrderState)
  toState: OrderState;

  @Field(() => String, { description: 'The name of the person who made it.' })
  actorName: string;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { nullable: true })
  reason: string | null;
}
/** What clinic and pharmacy both see of an order: the prescription and its progress. */
@InterfaceType('Order', {
  description: 'A prescription for compounded naltrexone HCl sent by a clinic to one pharmacy.',
  resolveType: (order: { clinicName?: string }) =>
    order.clinicName === undefined ? 'ClinicOrder' : 'PharmacyOrder',
})
export abstract class OrderFields {
  @Field(() => ID)
  id: string;

  @Field(() => OrderState)
  state: OrderState;

  @Field(() => OrderState, { nullable: true, description: 'While ON_HOLD: the state it returns to.' })
  stateBeforeHold: OrderState | null;

  @Field(() => Int, { description: 'Send it back with every transition; a stale one is refused (CONFLICT).' })
  version: number;

  @Field(() => OrderKind)
  kind: OrderKind;

  @Field(() => Formulation)
  formulation: Formulation;

  @Field(() => Float, { nullable: true })
  liquidStrengthMgPerMl: number | null;

  @Field(() => LiquidVehicle, { nullable: true })
  vehicle: LiquidVehicle | null;

  @Field(() => [OrderLineType])
  lines: OrderLineType[];

  @Field(() => Int)
  totalDaysSupply: number;

  @Field(() => Int)
  refills: number;

  @Field(() => String, { nullable: true })
  excipientNotes: string | null;

  @Field(() => String, { nullable: true })
  allergies: string | null;

  @Field(() => Payment)
  payment: Payment;

  @Field(() => String, { nullable: true })
  insuranceNote: string | null;

  @Field(() => Delivery)
  delivery: Delivery;

  @Field(() => String, { nullable: true })
  shipToLine1: string | null;

  @Field(() => String, { nullable: true })
  shipToLine2: string | null;

  @Field(() => String, { nullable: true })
  shipToCity: string | null;

  @Field(() => String, { nullable: true })
  shipToRegion: string | null;

  @Field(() => String, { nullable: true })
  shipToPostal: string | null;

  @Field(() => String)
  prescriberName: string;

  @Field(() => String)
  prescriberNpi: string;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => LocalDate, { nullable: true })
  compoundedOn: string | null;

  @Field(() => String, { nullable: true })
  lotNumber: string | null;

  @Field(() => LocalDate, { nullable: true })
  beyondUseDate: string | null;

  @Field(() => String, { nullable: true })
  budReason: string | null;

  @Field(() => LocalDate, { nullable: true })
  dispensedOn: string | null;

  @Field(() => String, { nullable: true })
  trackingNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Why the pharmacy rejected it; shown to the clinic.' })
  rejectionReason: string | null;
}

@ObjectType('ClinicOrder', {
  description: 'An order as the clinic that wrote it sees it.',
  implements: OrderFields,
})
export class ClinicOrderType extends OrderFields {
  @Field(() => ID)
  trialId: string;

  @Field(() => ID)
  patientId: string;

  @Field(() => ID)
  pharmacyId: string;

  @Field(() => String)
  pharmacyName: string;
}

/**
 * The minimum a pharmacy needs of the patient to fill and deliver an order (workflows.md). A type
 * of its own with no link to the clinical record: no scores, histories or other patients behind it.
 */
@ObjectType('OrderPatient')
export class OrderPatientType {
  @Field(() => String)
  givenName: string;

  @Field(() => String)
  familyName: string;

  @Field(() => LocalDate)
  dateOfBirth: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  addressLine1: string | null;

  @Field(() => String, { nullable: true })
  addressLine2: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true })
  postalCode: string | null;

  @Field(() => String, { nullable: true })
  allergies: string | null;
}

@ObjectType('PharmacyOrder', {
  description: 'An order as the pharmacy it is addressed to sees it.',
  implements: OrderFields,
})
export class PharmacyOrderType extends OrderFields {
  @Field(() => String)
  clinicName: string;
}

@ObjectType('PharmacyOrderEdge')
export class PharmacyOrderEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => PharmacyOrderType)
  node: PharmacyOrderType;
}

@ObjectType('PharmacyQueue')
export class PharmacyQueueType {
  @Field(() => [PharmacyOrderEdge])
  edges: PharmacyOrderEdge[];

  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
