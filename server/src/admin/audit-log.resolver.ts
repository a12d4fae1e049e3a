import type { AuditLog, Prisma } from '@ldn/db';
import { Args, Authorized, Query, Resolver } from 'type-graphql';
import { AdminRepo } from '../access/repository-decorators.ts';
import { AUDIT_ACTIONS } from '../audit/audit-actions.ts';
import { NULLS_ARE_CHECKED } from '../patients/patient.input.ts';
import { decodeCursor, encodeCursor, pageOf } from '../platform/cursor.ts';
import { badInput } from '../platform/errors.ts';
import type { AdminRepository } from './admin-repository.ts';
import {
  AuditEntryConnectionType,
  AuditLogArgs,
  type AuditLogFilter,
  type AuditPatientFilter,
  type AuditRecordFilter,
} from './audit-log.types.ts';
import { touchingRecords } from './audit-patient.ts';

// The cursor is the row's id: ids grow with every row, so "newest first" is "id descending".
const cursorOf = (row: Pick<AuditLog, 'id'>) => encodeCursor(row.id.toString());
const isRowId = (key: unknown): key is string => typeof key === 'string' && /^\d{1,19}$/.test(key);
const idAfter = (cursor: string) => BigInt(decodeCursor(cursor, isRowId, 'the audit log'));

/** The rows of one record: about it, or a list that showed it. */
const aboutRecord = (record: AuditRecordFilter): Prisma.AuditLogWhereInput => ({
  OR: [
    { entity: record.entity, entityId: record.id },
    { entity: record.entity, entityIds: { has: record.id } },
  ],
});

/** The rows touching the patient the filter names; an MRN the clinic does not have is bad input. */
async function aboutPatient(
  scope: AdminRepository,
  patient: AuditPatientFilter,
): Promise<Prisma.AuditLogWhereInput> {
  const records = await scope.patientAuditRecords(patient.clinicId, patient.mrn);
  if (records === null)
    throw badInput('filter.patient.mrn', 'This clinic has no patient with this medical record number.');
  return touchingRecords(records);
}

async function whereOf(
  scope: AdminRepository,
  filter: AuditLogFilter | null | undefined,
): Promise<Prisma.AuditLogWhereInput> {
  if (filter == null) return {};
  const about = [
    ...(filter.patient == null ? [] : [await aboutPatient(scope, filter.patient)]),
    ...(filter.record == null ? [] : [aboutRecord(filter.record)]),
  ];
  return {
    ...(about.length === 0 ? {} : { AND: about }),
    ...(filter.actorId == null ? {} : { actorId: filter.actorId }),
    ...(filter.organisationId == null ? {} : { organisationId: filter.organisationId }),
    ...(filter.action == null ? {} : { action: filter.action }),
    ...(filter.from == null && filter.to == null
      ? {}
      : {
          at: {
            ...(filter.from == null ? {} : { gte: filter.from }),
            ...(filter.to == null ? {} : { lt: filter.to }),
          },
        }),
  };
}

@Resolver()
export class AuditLogResolver {
  /** The actions the audit log's filter may ask for: every action the API writes. */
  @Authorized('ADMIN')
  @Query(() => [String])
  auditActions(@AdminRepo() scope: AdminRepository): readonly string[] {
    scope;
    return AUDIT_ACTIONS;
  }

  /** The audit log, newest first, a page at a time; staff and organisation names, record ids only. */
  @Authorized('ADMIN')
  @Query(() => AuditEntryConnectionType)
  async auditLog(
    @Args(() => AuditLogArgs, NULLS_ARE_CHECKED) args: AuditLogArgs,
    @AdminRepo() scope: AdminRepository,
  ): Promise<AuditEntryConnectionType> {
    const match = await whereOf(scope, args.filter);
    const after = args.after ?? null;
    const rows = await scope.auditRows(match, after === null ? null : idAfter(after), args.first + 1);
    const names = await namesOnPage(scope, rows.slice(0, args.first));
    return pageOf(rows, args.first, cursorOf, (row) => ({
      id: row.id.toString(),
      at: row.at,
      actorId: row.actorId,
      actorName: row.actorId === null ? null : (names.people.get(row.actorId) ?? null),
      patientLinkId: row.patientLinkId,
      organisationId: row.organisationId,
      organisationName:
        row.organisationId === null ? null : (names.organisations.get(row.organisationId) ?? null),
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      entityIds: row.entityIds,
      requestId: row.requestId,
    }));
  }
}

/** The names of the staff and organisations on a page: two queries, however long the page. */
async function namesOnPage(scope: AdminRepository, rows: AuditLog[]) {
  const actorIds = [...new Set(rows.flatMap((row) => (row.actorId === null ? [] : [row.actorId])))];
  const organisationIds = [
    ...new Set(rows.flatMap((row) => (row.organisationId === null ? [] : [row.organisationId]))),
  ];
  return scope.namesOf(actorIds, organisationIds);
}
