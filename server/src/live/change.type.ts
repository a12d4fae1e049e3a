import { Field, ID, ObjectType } from 'type-graphql';

/** What a subscriber hears of a change: which record, and the records a screen shows it on. */
@ObjectType('Change', {
  description:
    'A record was written (created, changed or removed). Ids only: refetch what is shown to see it. ' +
    'Heard only by those who may read the record.',
})
export class Change {
  @Field(() => String, {
    description:
      'The kind of record: Order, OrderLine, OrderEvent, Trial, DoseChange, Patient, Medication, …',
  })
  entity: string;

  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true, description: 'The patient whose record it is (clinic users only).' })
  patientId: string | null;

  @Field(() => ID, { nullable: true, description: 'The trial it belongs to (clinic users only).' })
  trialId: string | null;

  @Field(() => ID, { nullable: true, description: 'The order it belongs to.' })
  orderId: string | null;
}
