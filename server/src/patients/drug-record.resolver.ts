import { Authorized, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import type { LoaderSource } from '../access/loaders.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import type { CorrectedEntity } from '../corrections/record-correction.ts';
import { userNameOf } from '../graphql/user-names.ts';
import { type DrugRecordFields, MedicationType, PriorTherapyType } from './history.types.ts';
import { amendmentsOf } from './patient.loaders.ts';

// "Classified by Dr X" vs "from the vocabulary", and who marked a record entered in error (§11,
// workflows.md): the same two names for medications and prior therapies.

const nameOrNull = (ctx: LoaderSource, id: string | null) => (id === null ? null : userNameOf(ctx, id));

/** A correction of the record: when, by whom, why, and what the fields held before. */
@ObjectType('RecordAmendment')
export class RecordAmendmentType {
  @Field(() => Date)
  amendedAt: Date;

  @Field(() => String)
  amendedBy: string;

  @Field(() => String)
  reason: string;

  @Field(() => String, { description: 'The previous values of the fields changed, as a JSON object.' })
  previous: string;
}

type AmendedEntity = 'Medication' | 'PriorTherapy';

/** A record's corrections, oldest first, as RecordAmendmentType (any record RecordAmendment keeps). */
export async function amendments(ctx: LoaderSource, entity: CorrectedEntity, id: string) {
  const rows = await amendmentsOf(ctx, entity).load(id);
  return Promise.all(
    rows.map(async (row) => ({
      amendedAt: row.amendedAt,
      amendedBy: await userNameOf(ctx, row.amendedById),
      reason: row.reason,
      previous: JSON.stringify(row.previous),
    })),
  );
}

/**
 * The people and corrections of one kind of drug record; one resolver class per GraphQL type, made
 * here so medications and prior therapies answer the same fields the same way.
 */
function drugRecordPeopleResolver(
  type: typeof MedicationType | typeof PriorTherapyType,
  entity: AmendedEntity,
) {
  @Resolver(() => type)
  class DrugRecordPeopleResolver {
    @Authorized(...CLINIC_ROLES)
    @FieldResolver(() => [RecordAmendmentType], { description: 'Its corrections, oldest first.' })
    amendments(@Root() record: DrugRecordFields, @ClinicRepo() ctx: ClinicRepository) {
      return amendments(ctx, entity, record.id);
    }

    @Authorized(...CLINIC_ROLES)
    @FieldResolver(() => String, {
      nullable: true,
      description: 'The clinician who classified it, if not the vocabulary.',
    })
    classifiedByName(@Root() record: DrugRecordFields, @ClinicRepo() ctx: ClinicRepository) {
      return nameOrNull(ctx, record.classifiedById);
    }

    @Authorized(...CLINIC_ROLES)
    @FieldResolver(() => String, { nullable: true, description: 'Who marked it entered in error.' })
    enteredInErrorByName(@Root() record: DrugRecordFields, @ClinicRepo() ctx: ClinicRepository) {
      return nameOrNull(ctx, record.enteredInErrorById);
    }
  }
  return DrugRecordPeopleResolver;
}

export const MedicationPeopleResolver = drugRecordPeopleResolver(MedicationType, 'Medication');
export const PriorTherapyPeopleResolver = drugRecordPeopleResolver(PriorTherapyType, 'PriorTherapy');
