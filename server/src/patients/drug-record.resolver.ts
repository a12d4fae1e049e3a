import { Authorized, Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { CorrectedEntity } from '../corrections/record-correction.ts';
import type { Context } from '../graphql/context.ts';
import { userNameOf } from '../graphql/user-names.ts';
import { type DrugRecordFields, MedicationType, PriorTherapyType } from './history.types.ts';

// "Classified by Dr X" vs "from the vocabulary", and who marked a record entered in error (§11,
// workflows.md): the same two names for medications and prior therapies.

const nameOrNull = (ctx: Context, id: string | null) => (id === null ? null : userNameOf(ctx, id));

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

const amendmentsOf = (ctx: Context, entity: CorrectedEntity) =>
  ctx.loaders.many(
    `amendments.${entity}`,
    (prisma, ids) =>
      prisma.recordAmendment.findMany({
        where: { entity, entityId: { in: ids } },
        orderBy: [{ amendedAt: 'asc' }, { sequence: 'asc' }],
      }),
    (row) => row.entityId,
  );

/** A record's corrections, oldest first, as RecordAmendmentType (any record RecordAmendment keeps). */
export async function amendments(ctx: Context, entity: CorrectedEntity, id: string) {
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
    @Authorized('CLINICIAN', 'COORDINATOR')
    @FieldResolver(() => [RecordAmendmentType], { description: 'Its corrections, oldest first.' })
    amendments(@Root() record: DrugRecordFields, @Ctx() ctx: Context) {
      return amendments(ctx, entity, record.id);
    }

    @Authorized('CLINICIAN', 'COORDINATOR')
    @FieldResolver(() => String, {
      nullable: true,
      description: 'The clinician who classified it, if not the vocabulary.',
    })
    classifiedByName(@Root() record: DrugRecordFields, @Ctx() ctx: Context) {
      return nameOrNull(ctx, record.classifiedById);
    }

    @Authorized('CLINICIAN', 'COORDINATOR')
    @FieldResolver(() => String, { nullable: true, description: 'Who marked it entered in error.' })
    enteredInErrorByName(@Root() record: DrugRecordFields, @Ctx() ctx: Context) {
      return nameOrNull(ctx, record.enteredInErrorById);
    }
  }
  return DrugRecordPeopleResolver;
}

export const MedicationPeopleResolver = drugRecordPeopleResolver(MedicationType, 'Medication');
export const PriorTherapyPeopleResolver = drugRecordPeopleResolver(PriorTherapyType, 'PriorTherapy');
