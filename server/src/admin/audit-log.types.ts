import {
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AUDIT_ACTIONS } from '../audit/audit-actions.ts';
import { Text } from '../graphql/input-rules.ts';
import { PageInfoType } from '../platform/page-info.type.ts';

/**
 * One row of the audit log: who, which organisation, what, which record, which request, when.
 * Record ids only — never a patient's name or any clinical value (a test holds every field to it).
 */
@ObjectType('AuditEntry')
export class AuditEntryType {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => ID, {
    nullable: true,
    description:
      'Null for the system (e.g. the first-admin command) and for a patient acting through their link (patientLinkId).',
  })
  actorId: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A patient acting through their link (no person): the link. Null for anyone else.',
  })
  patientLinkId: string | null;

  @Field(() => String, { nullable: true, description: 'A staff member, never a patient.' })
  actorName: string | null;

  @Field(() => ID, { nullable: true })
  organisationId: string | null;

  @Field(() => String, { nullable: true })
  organisationName: string | null;

  @Field(() => String, { description: 'READ, CREATE, UPDATE, SIGN_IN, INVITE, ROLE_CHANGE_X_TO_Y, …' })
  action: string;

  @Field(() => String, { description: 'The kind of record: Patient, Trial, Order, User, …' })
  entity: string;

  @Field(() => String, { nullable: true, description: "The record's id." })
  entityId: string | null;

  @Field(() => [String], {
    description: 'A LIST row: the records one request showed (e.g. a page of patients); empty otherwise.',
  })
  entityIds: string[];

  @Field(() => String, { nullable: true })
  requestId: string | null;
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdgeType {
  @Field(() => String)
  cursor: string;

  @Field(() => AuditEntryType)
  node: AuditEntryType;
}

@ObjectType('AuditEntryConnection', { description: 'A page of the audit log, newest first.' })
export class AuditEntryConnectionType {
  @Field(() => [AuditEntryEdgeType])
  edges: AuditEntryEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;
}

/** A patient as the administrator names one: the clinic and the MRN, never a name (workflows.md). */
@InputType()
export class AuditPatientFilter {
  @Field(() => ID)
  @IsUUID('all', { message: 'Choose a clinic from the list.' })
  clinicId: string;

  @Field(() => String, { description: "The patient's medical record number at that clinic." })
  @Text({ max: 40, required: 'Enter the medical record number.' })
  mrn: string;
}

/** One record: its kind, as the audit log names it, and its id. */
@InputType()
export class AuditRecordFilter {
  @Field(() => String, { description: 'The kind of record: Patient, Trial, Order, User, …' })
  @Text({ max: 40, required: 'Choose a kind of record from the list.' })
  @Matches(/^[A-Z][A-Za-z]{1,39}$/, { message: 'Choose a kind of record from the list.' })
  entity: string;

  @Field(() => String)
  @Text({ max: 60, required: "Enter the record's id." })
  id: string;
}

/** Narrows the audit log; every given condition must hold. */
@InputType()
export class AuditLogFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose a person from the list.' })
  actorId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose an organisation from the list.' })
  organisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Exactly this action, one of auditActions.' })
  @Text({ max: 60 })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: 'Choose an action from the list.' })
  action?: string | null;

  @Field(() => AuditPatientFilter, {
    nullable: true,
    description:
      "Every row touching the patient: the patient, the patient's records, and lists that showed them.",
  })
  @IsOptional()
  @ValidateNested()
  patient?: AuditPatientFilter | null;

  @Field(() => AuditRecordFilter, {
    nullable: true,
    description: 'Every row about the record or listing it.',
  })
  @IsOptional()
  @ValidateNested()
  record?: AuditRecordFilter | null;

  @Field(() => Date, { nullable: true, description: 'From this instant on (inclusive).' })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant (exclusive).' })
  @IsOptional()
  to?: Date | null;
}

@ArgsType()
export class AuditLogArgs {
  @Field(() => AuditLogFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AuditLogFilter | null;

  @Field(() => Int, { defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(200)
  first: number;

  @Field(() => String, { nullable: true, description: "The previous page's endCursor." })
  @IsOptional()
  @MaxLength(100)
  after?: string | null;
}
