import { OrganisationKind } from '@ldn/db';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { isRecordId } from '../access/ids.ts';
import { AdminRepo } from '../access/repository-decorators.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { NULLS_ARE_CHECKED } from '../patients/patient.input.ts';
import { notFound } from '../platform/errors.ts';
import type { AdminRepository } from './admin-repository.ts';
import { CreateOrganisationInput, UpdateOrganisationInput } from './organisation.inputs.ts';
import { createOrganisation, managedOrganisation, updateOrganisation } from './organisation.service.ts';
import { ManagedOrganisationType } from './organisation.types.ts';

@Resolver()
export class OrganisationAdminResolver {
  /** Every organisation of the installation, or those of one kind, by name. */
  @Authorized('ADMIN')
  @Query(() => [ManagedOrganisationType])
  async organisations(
    @Arg('kind', () => OrganisationKind, { nullable: true }) kind: OrganisationKind | null | undefined,
    @AdminRepo() scope: AdminRepository,
  ): Promise<ManagedOrganisationType[]> {
    return (await scope.organisations(kind)).map(managedOrganisation);
  }

  /** Adds a clinic or a compounding pharmacy. */
  @Authorized('ADMIN')
  @Mutation(() => ManagedOrganisationType)
  async createOrganisation(
    @Arg('input', () => CreateOrganisationInput, NULLS_ARE_CHECKED) input: CreateOrganisationInput,
    @AdminRepo() scope: AdminRepository,
    @Ctx() ctx: Context,
  ): Promise<ManagedOrganisationType> {
    return scope.transaction(async (tx) => {
      const organisation = await createOrganisation(tx, input);
      await audit(tx, ctx, 'CREATE', 'Organisation', organisation.id);
      return organisation;
    });
  }

  /** Changes an organisation's details; with `version`, refuses if someone changed it since. */
  @Authorized('ADMIN')
  @Mutation(() => ManagedOrganisationType)
  async updateOrganisation(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => String, { nullable: true }) version: string | null | undefined,
    @Arg('input', () => UpdateOrganisationInput, NULLS_ARE_CHECKED) input: UpdateOrganisationInput,
    @AdminRepo() scope: AdminRepository,
    @Ctx() ctx: Context,
  ): Promise<ManagedOrganisationType> {
    if (!isRecordId(id)) throw notFound('Organisation');
    return scope.transaction(async (tx) => {
      const organisation = await updateOrganisation(tx, id, version ?? undefined, input);
      await audit(tx, ctx, 'UPDATE', 'Organisation', organisation.id);
      return organisation;
    });
  }
}
