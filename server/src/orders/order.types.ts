import { Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { LocalDate } from '../graphql/scalars.ts';
import { PageInfoType } from '../platform/page-info.type.ts';
import { PostalAddressFields } from '../platform/postal-address.type.ts';
import {
  Delivery,
  Formulation,
  LiquidVehicle,
  OrderKind,
  OrderState,
  Payment,
  RejectionCode,
} from './order.enums.ts';

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

  @Field(() => String, { nullable: true, description: 'This strength’s lot, from when it was marked ready.' })
  lotNumber: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'This strength’s beyond-use date.' })
  beyondUseDate: string | null;
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
@ObjectType('OrderSignature', {
  description:
    'The prescriber’s electronic signature on an order (21 CFR 11.50): the printed name, when, and what it means.',
})
export class OrderSignatureType {
  @Field(() => String, { description: 'The signer’s name as it was when signing.' })
  signerName: string;

  @Field(() => String, { nullable: true, description: 'The signer’s NPI as it was when signing.' })
  signerNpi: string | null;

  @Field(() => Date)
  signedAt: Date;

  @Field(() => String, {
    description: 'What the signature means, e.g. "Prescribed and authorised for compounding".',
  })
  meaning: string;

  @Field(() => Boolean, {
    description:
      'True while the order (patient, prescriber, pharmacy, preparation, delivery, lines) reads as it was signed.',
  })
  matchesOrder: boolean;
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

  @Field(() => Int, {
    nullable: true,
    description: 'The pharmacy’s prescription (Rx) number: sequential per pharmacy, given on submission.',
  })
  rxNumber: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the patient needs the supply by.' })
  needBy: string | null;

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

  @Field(() => OrderSignatureType, {
    nullable: true,
    description: 'The prescriber’s signature, from submission on (none on a draft).',
  })
  signature: OrderSignatureType | null;

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

  @Field(() => RejectionCode, { nullable: true, description: 'Why the pharmacy rejected it, coded.' })
  rejectionCode: RejectionCode | null;

  @Field(() => String, {
    nullable: true,
    description: 'The pharmacist’s note on the rejection (always given for OTHER); shown to the clinic.',
  })
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
export class OrderPatientType extends PostalAddressFields {
  @Field(() => String)
  givenName: string;

  @Field(() => String)
  familyName: string;

  @Field(() => LocalDate)
  dateOfBirth: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  allergies: string | null;
}

/** The pharmacy an order is addressed to, as its labels print it. */
@ObjectType('LabelPharmacy')
export class LabelPharmacyType extends PostalAddressFields {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  phone: string | null;
}

@ObjectType('CompoundingRecord', {
  description:
    'Who compounded a ready order (recorded its lots) and the second pharmacist of the pharmacy who verified it.',
})
export class CompoundingRecordType {
  @Field(() => String, { description: 'The printed name of the pharmacist who compounded it.' })
  compoundedByName: string;

  @Field(() => Date)
  compoundedAt: Date;

  @Field(() => Boolean, {
    description: 'Whether the signed-in pharmacist compounded it, and so may not verify it.',
  })
  compoundedByViewer: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The printed name of the verifier; none until verified.',
  })
  verifiedByName: string | null;

  @Field(() => Date, { nullable: true })
  verifiedAt: Date | null;
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

@ObjectType('PharmacyQueueCount', { description: 'How many of the pharmacy’s orders are in one state.' })
export class PharmacyQueueCountType {
  @Field(() => OrderState)
  state: OrderState;

  @Field(() => Int)
  count: number;
}

/**
 * One page of a pharmacy's orders: open states by need-by date (then Rx number), finished ones
 * newest first; with the count of every state the search matches.
 */
@ObjectType('PharmacyQueue')
export class PharmacyQueueType {
  @Field(() => [PharmacyOrderEdge])
  edges: PharmacyOrderEdge[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => [PharmacyQueueCountType], {
    description:
      'Per state, the orders the search matches (whatever states were asked for); states with none are left out.',
  })
  counts: PharmacyQueueCountType[];
}
