import type { Role } from '@ldn/db';
import { Authorized, type ClassType, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import { userNameOf } from '../graphql/user-names.ts';

/** The columns that mark a row entered in error, as every corrected table stores them. */
export interface EnteredInErrorColumns {
  enteredInErrorAt: Date | null;
  enteredInErrorById: string | null;
  enteredInErrorReason: string | null;
}

/**
 * What a record entered in error shows (workflows.md, corrections): that it is, when, why, and
 * (through `enteredInErrorByNameResolver`) who marked it. The flat fields every corrected record
 * answers with, so the portal strikes any of them through the same way.
 */
@ObjectType()
export abstract class EnteredInErrorFields implements EnteredInErrorColumns {
  @Field(() => Boolean, { description: 'Entered in error: kept and shown struck through, counted nowhere.' })
  enteredInError: boolean;

  @Field(() => Date, { nullable: true })
  enteredInErrorAt: Date | null;

  enteredInErrorById: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was marked entered in error.' })
  enteredInErrorReason: string | null;
}

/** A row's entered-in-error fields as the API answers them. */
export const enteredInErrorFieldsOf = (row: EnteredInErrorColumns): EnteredInErrorFields => ({
  enteredInError: row.enteredInErrorAt !== null,
  enteredInErrorAt: row.enteredInErrorAt,
  enteredInErrorById: row.enteredInErrorById,
  enteredInErrorReason: row.enteredInErrorReason,
});

/**
 * The `enteredInErrorByName` field of one GraphQL type with these fields, for the roles that read
 * that type: one resolver class per type (type-graphql resolves fields per type), made here once.
 */
export function enteredInErrorByNameResolver(
  type: ClassType<EnteredInErrorFields>,
  /** Clinic roles: the records carrying these fields are the clinic's own. */
  roles: readonly Role[],
): ClassType {
  @Resolver(() => type)
  class EnteredInErrorByNameResolver {
    @Authorized(...roles)
    @FieldResolver(() => String, { nullable: true, description: 'Who marked it entered in error.' })
    enteredInErrorByName(
      @Root() record: EnteredInErrorFields,
      @ClinicRepo() repo: ClinicRepository,
    ): Promise<string> | null {
      return record.enteredInErrorById === null ? null : userNameOf(repo, record.enteredInErrorById);
    }
  }
  return EnteredInErrorByNameResolver;
}
