import type { AuditLog, Prisma } from '@ldn/db';
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../graphql/context.ts';
import { NULLS_ARE_CHECKED } from '../patients/patient.input.ts';
import { badInput } from '../platform/errors.ts';
import { AdminScope } from './admin-scope.ts';
import { AuditEntryConnectionType, AuditLogArgs, type AuditLogFilter } from './audit-log.types.ts';

// The cursor is the row's id: ids grow with every row, so "newest first" is "id descending".
const cursorOf = (row: Pick<AuditLog, 'id'>) => Buffer.from(row.id.toString()).toString('base64url');

function idAfter(cursor: string): bigint {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{1,19}$/.test(text)) {
    throw badInput('after', 'This cursor is not one the audit log gave out; start from the first page.');
  }
  return BigInt(text);
}

function whereOf(filter: AuditLogFilter | null | undefined): Prisma.AuditLogWhereInput {
  if (filter == null) return {};
  return {
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
  /** The audit log, newest first, a page at a time; staff and organisation names, record ids only. */
  @Authorized('ADMIN')
  @Query(() => AuditEntryConnectionType)
  async auditLog(
    @Args(() => AuditLogArgs, NULLS_ARE_CHECKED) args: AuditLogArgs,
    @Ctx() ctx: Context,
  ): Promise<AuditEntryConnectionType> {
    const scope = AdminScope.of(ctx);
    const match = whereOf(args.filter);
    const after = args.after ?? null;
    const rows = await scope.prisma.auditLog.findMany({
      where: after === null ? match : { AND: [match, { id: { lt: idAfter(after) } }] },
      orderBy: { id: 'desc' },
      take: args.first + 1, // one more than the page says whether another page follows
    });
    const page = rows.slice(0, args.first);
    const names = await namesOf(scope, page);
    const last = page.at(-1);
    return {
      edges: page.map((row) => ({
        cursor: cursorOf(row),
        node: {
          id: row.id.toString(),
          at: row.at,
          actorId: row.actorId,
          actorName: row.actorId === null ? null : (names.people.get(row.actorId) ?? null),
          organisationId: row.organisationId,
          organisationName:
            row.organisationId === null ? null : (names.organisations.get(row.organisationId) ?? null),
          action: row.action,
          entity: row.entity,
          entityId: row.entityId,
          entityIds: row.entityIds,
          requestId: row.requestId,
        },
      })),
      pageInfo: {
        hasNextPage: rows.length > args.first,
        endCursor: last === undefined ? null : cursorOf(last),
      },
    };
  }
}

/** The names of the staff and organisations on a page: two queries, however long the page. */
async function namesOf(scope: AdminScope, rows: AuditLog[]) {
  const actorIds = [...new Set(rows.flatMap((row) => (row.actorId === null ? [] : [row.actorId])))];
  const organisationIds = [
    ...new Set(rows.flatMap((row) => (row.organisationId === null ? [] : [row.organisationId]))),
  ];
  const [people, organisations] = await Promise.all([
    scope.prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
    scope.prisma.organisation.findMany({
      where: { id: { in: organisationIds } },
      select: { id: true, name: true },
    }),
  ]);
  return {
    people: new Map(people.map((person) => [person.id, person.name])),
    organisations: new Map(organisations.map((organisation) => [organisation.id, organisation.name])),
  };
}
