import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { MAY } from '../access/action-roles.ts';
import { AdminRepo } from '../access/repository-decorators.ts';
import type { AdminRepository } from '../admin/admin-repository.ts';
import { audit } from '../audit/audit.ts';
import type { Context } from '../graphql/context.ts';
import { NULLS_ARE_CHECKED } from '../patients/patient.input.ts';
import { issueApiToken, revokeApiToken } from './api-token.service.ts';
import { ApiTokenType, apiTokenOf, IssueApiTokenInput, IssuedApiTokenType } from './api-token.types.ts';

/** The network administrators' API tokens for the FHIR API: issued, listed, revoked, each audited. */
@Resolver()
export class ApiTokenResolver {
  /** Every token, newest first, with its status; never the token itself. */
  @Authorized(...MAY.manageApiTokens)
  @Query(() => [ApiTokenType])
  async apiTokens(@AdminRepo() scope: AdminRepository, @Ctx() ctx: Context): Promise<ApiTokenType[]> {
    const now = ctx.clock.now();
    return (await scope.apiTokens()).map((row) => apiTokenOf(row, now));
  }

  /** Issues a read-only token for one clinic or pharmacy; the answer holds it, once. */
  @Authorized(...MAY.manageApiTokens)
  @Mutation(() => IssuedApiTokenType)
  async issueApiToken(
    @Arg('input', () => IssueApiTokenInput, NULLS_ARE_CHECKED) input: IssueApiTokenInput,
    @AdminRepo() scope: AdminRepository,
    @Ctx() ctx: Context,
  ): Promise<IssuedApiTokenType> {
    return scope.transaction(async (tx) => {
      const { token, row } = await issueApiToken(tx, input, scope.viewer.userId, ctx.clock);
      await audit(tx, ctx, 'ISSUE', 'ApiToken', row.id);
      return { token, apiToken: apiTokenOf(row, ctx.clock.now()) };
    });
  }

  /** Stops a token for good; revoking it again changes nothing. */
  @Authorized(...MAY.manageApiTokens)
  @Mutation(() => ApiTokenType)
  async revokeApiToken(
    @Arg('id', () => ID) id: string,
    @AdminRepo() scope: AdminRepository,
    @Ctx() ctx: Context,
  ): Promise<ApiTokenType> {
    return scope.transaction(async (tx) => {
      const { row, changed } = await revokeApiToken(tx, id, scope.viewer.userId, ctx.clock);
      if (changed) await audit(tx, ctx, 'REVOKE', 'ApiToken', row.id);
      return apiTokenOf(row, ctx.clock.now());
    });
  }
}
