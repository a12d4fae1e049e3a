import type { AuditLog, OrganisationKind, Prisma, Role } from '@ldn/db';
import { ViewerRepository, viewerGated } from '../access/repository.ts';
import { type ApiTokenRow, listApiTokens } from '../api-tokens/api-token.service.ts';
import { patientAuditRecords } from './audit-patient.ts';
import { ORGANISATION_INCLUDE } from './organisation.service.ts';

/** How the people list is narrowed: by organisation, role and whether active (each optional). */
export interface PeopleFilter {
  organisationId?: string | null | undefined;
  role?: Role | null | undefined;
  active?: boolean | null | undefined;
}

/**
 * The network administration's access: an ADMIN of a NETWORK organisation. `@Authorized('ADMIN')`
 * checks the role; this checks the organisation too, so an ADMIN row misfiled under a clinic gets
 * nothing. Administration reads organisations, people, API tokens and the audit log across the
 * installation by design, so its queries are deliberately not held to an organisation — and it never
 * reads patient data: the audit search by patient reads one patient's record ids only
 * (`audit-patient.ts`).
 */
export class AdminRepository extends ViewerRepository {
  /** The network's administrator; anyone else is refused before anything is read. */
  static readonly for = viewerGated(
    { kind: 'NETWORK', role: 'ADMIN', refusal: 'administer the network' },
    (...request) => new AdminRepository(...request),
  );

  /** People of the installation by name, with their organisation, narrowed by `filter`; at most `limit`. */
  people(filter: PeopleFilter, limit: number) {
    const where: Prisma.UserWhereInput = {
      ...(filter.organisationId == null ? {} : { organisationId: filter.organisationId }),
      ...(filter.role == null ? {} : { role: filter.role }),
      ...(filter.active == null ? {} : { active: filter.active }),
    };
    return this.prisma.user.findMany({
      where,
      include: { organisation: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: limit,
    });
  }

  /** Every organisation of the installation, or those of one kind, by name, with their pharmacies. */
  organisations(kind: OrganisationKind | null | undefined) {
    return this.prisma.organisation.findMany({
      where: kind == null ? {} : { kind },
      include: ORGANISATION_INCLUDE,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
  }

  /** Every API token of the installation, newest first (api-token.service.ts). */
  apiTokens(): Promise<ApiTokenRow[]> {
    return listApiTokens(this.prisma);
  }

  /** The ids of every record of the clinic's patient with this MRN (audit-patient.ts); null for none. */
  patientAuditRecords(clinicId: string, mrn: string) {
    return patientAuditRecords(this.prisma, clinicId, mrn);
  }

  /** Up to `take` audit rows matching `where`, newest first, older than the row `beforeId` when given. */
  auditRows(where: Prisma.AuditLogWhereInput, beforeId: bigint | null, take: number): Promise<AuditLog[]> {
    return this.prisma.auditLog.findMany({
      where: beforeId === null ? where : { AND: [where, { id: { lt: beforeId } }] },
      orderBy: { id: 'desc' },
      take,
    });
  }

  /** The names of these people and organisations (ids that name nobody are left out): two queries. */
  async namesOf(
    personIds: readonly string[],
    organisationIds: readonly string[],
  ): Promise<{ people: Map<string, string>; organisations: Map<string, string> }> {
    const [people, organisations] = await Promise.all([
      this.prisma.user.findMany({ where: { id: { in: [...personIds] } }, select: { id: true, name: true } }),
      this.prisma.organisation.findMany({
        where: { id: { in: [...organisationIds] } },
        select: { id: true, name: true },
      }),
    ]);
    return {
      people: new Map(people.map((person) => [person.id, person.name])),
      organisations: new Map(organisations.map((organisation) => [organisation.id, organisation.name])),
    };
  }
}
