import { Role } from '@ldn/db';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { isRecordId } from '../access/ids.ts';
import { AdminRepo } from '../access/repository-decorators.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { NULLS_ARE_CHECKED } from '../patients/patient.input.ts';
import { badInput } from '../platform/errors.ts';
import type { AdminRepository } from './admin-repository.ts';
import { InvitePersonInput } from './person.inputs.ts';
import {
  assertAnotherActiveAdmin,
  changeRoleIn,
  deactivateIn,
  invitePerson,
  personById,
  personLink,
  personOf,
  reactivateIn,
} from './person.service.ts';
import { PersonLinkType, PersonType } from './person.types.ts';
import { assertRoleFits, npiFor } from './roles.ts';

/** The most people one list answers with; narrow by organisation or role for more. */
const PEOPLE_LIMIT = 500;

@Resolver()
export class PeopleAdminResolver {
  /** People of the installation by name, narrowed by organisation, role and whether active. */
  @Authorized('ADMIN')
  @Query(() => [PersonType])
  async people(
    @Arg('organisationId', () => ID, { nullable: true }) organisationId: string | null | undefined,
    @Arg('role', () => Role, { nullable: true }) role: Role | null | undefined,
    @Arg('active', () => Boolean, { nullable: true }) active: boolean | null | undefined,
    @AdminRepo() scope: AdminRepository,
  ): Promise<PersonType[]> {
    if (organisationId != null && !isRecordId(organisationId)) return [];
    const users = await scope.people({ organisationId, role, active }, PEOPLE_LIMIT);
    return users.map(personOf);
  }

  /** Adds a person without a password and returns their invitation link (valid 7 days). */
  @Authorized('ADMIN')
  @Mutation(() => PersonLinkType)
  async invitePerson(
    @Arg('input', () => InvitePersonInput, NULLS_ARE_CHECKED) input: InvitePersonInput,
    @AdminRepo() scope: AdminRepository,
    @Ctx() ctx: Context,
  ): Promise<PersonLinkType> {
    return scope.transaction(async (tx) => {
      const invited = await invitePerson(tx, input, scope.viewer.userId, ctx.clock);
      await audit(tx, ctx, 'INVITE', 'User', invited.person.id);
      return invited;
    });
  }

  /** A one-time password reset link (valid 24 hours); earlier unused ones stop working. */
  @Authorized('ADMIN')
  @Mutation(() => PersonLinkType)
  async resetPasswordLink(
    @Arg('userId', () => ID) userId: string,
    @AdminRepo() scope: AdminRepository,
    @Ctx() ctx: Context,
  ): Promise<PersonLinkType> {
    return scope.transaction(async (tx) => {
      const person = await personById(tx, userId);
      if (!person.active) throw badInput('userId', 'This person is deactivated; reactivate them first.');
      const reset = await personLink(tx, person, 'PASSWORD_RESET', scope.viewer.userId, ctx.clock);
      await audit(tx, ctx, 'PASSWORD_RESET_LINK', 'User', person.id);
      return reset;
    });
  }

  /**
   * Stops a person signing in and ends their sessions at once. Nothing they did is deleted or
   * re-attributed. Never oneself, never the last active administrator.
   */
  @Authorized('ADMIN')
  @Mutation(() => PersonType)
  async deactivatePerson(
    @Arg('userId', () => ID) userId: string,
    @AdminRepo() scope: AdminRepository,
    @Ctx() ctx: Context,
  ): Promise<PersonType> {
    if (userId === scope.viewer.userId) {
      throw badInput('userId', 'You cannot deactivate yourself; ask another administrator.');
    }
    return scope.transaction(async (tx) => {
      const person = await personById(tx, userId);
      if (person.role === 'ADMIN') await assertAnotherActiveAdmin(tx, person.id);
      await deactivateIn(tx, person.id, ctx.clock.now());
      await audit(tx, ctx, 'DEACTIVATE', 'User', person.id);
      return personOf(await personById(tx, person.id));
    });
  }

  /** Lets a deactivated person sign in again (with their old password; old sessions stay ended). */
  @Authorized('ADMIN')
  @Mutation(() => PersonType)
  async reactivatePerson(
    @Arg('userId', () => ID) userId: string,
    @AdminRepo() scope: AdminRepository,
    @Ctx() ctx: Context,
  ): Promise<PersonType> {
    return scope.transaction(async (tx) => {
      const person = await personById(tx, userId);
      await reactivateIn(tx, person.id);
      await audit(tx, ctx, 'REACTIVATE', 'User', person.id);
      return personOf(await personById(tx, person.id));
    });
  }

  /**
   * Gives a person another role their organisation has (a coordinator becomes a clinician, with an
   * NPI). The audit row's action names the old and new role. Takes effect at their next request.
   */
  @Authorized('ADMIN')
  @Mutation(() => PersonType)
  async changeRole(
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => Role) role: Role,
    @Arg('npi', () => String, { nullable: true, description: 'Needed when becoming a clinician.' })
    npi: string | null | undefined,
    @AdminRepo() scope: AdminRepository,
    @Ctx() ctx: Context,
  ): Promise<PersonType> {
    return scope.transaction(async (tx) => {
      const person = await personById(tx, userId);
      assertRoleFits(person.organisation.kind, role);
      const nextNpi = npiFor(role, role === 'CLINICIAN' ? (npi ?? person.npi) : npi);
      await changeRoleIn(tx, person, role, nextNpi);
      await audit(tx, ctx, `ROLE_CHANGE_${person.role}_TO_${role}`, 'User', person.id);
      return personOf(await personById(tx, person.id));
    });
  }
}
