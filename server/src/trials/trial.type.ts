import type { Trial } from '@ldn/db';
import type { IsoDate } from '@ldn/rules';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { isoDateOf, LocalDate } from '../graphql/scalars.ts';
import { Condition } from '../patients/patient.enums.ts';
import { DiscontinuationReason, TrialState } from './trial.enums.ts';

/** The pain score a trial's response is measured against (§5). */
@ObjectType('Baseline')
export class BaselineType {
  @Field(() => LocalDate)
  date: string;

  @Field(() => Int, { description: 'Pain NRS 0–10.' })
  score: number;
}

/**
 * An LDN trial of one patient of the viewer's clinic. `state` is what the last recorded event
 * left; `status` is derived by the rules package as of `asOf` and is what the portal shows.
 */
@ObjectType('Trial', {
  description: 'An LDN trial. `state` is as last recorded; `status` is derived by the rules as of `asOf`.',
})
export class TrialType {
  @Field(() => ID)
  id: string;

  @Field(() => Condition)
  condition: Condition;

  @Field(() => TrialState, {
    description: 'The state the last recorded event left. Use `status.state` for the state as of today.',
  })
  state: TrialState;

  @Field(() => LocalDate)
  startDate: string;

  @Field(() => Float)
  startDoseMg: number;

  @Field(() => Float, {
    nullable: true,
    description: 'A lower target declared when 4.5 mg is not tolerated.',
  })
  maintenanceDoseMg: number | null;

  @Field(() => LocalDate, { nullable: true })
  maintenanceDeclaredOn: string | null;

  @Field(() => BaselineType)
  baseline: BaselineType;

  @Field(() => LocalDate, { nullable: true })
  endedOn: string | null;

  @Field(() => DiscontinuationReason, { nullable: true })
  discontinuationReason: DiscontinuationReason | null;

  @Field(() => String, { nullable: true })
  discontinuationNote: string | null;

  @Field(() => Boolean, {
    description: 'Entered in error (started by mistake): shown struck through, counted nowhere.',
  })
  enteredInError: boolean;

  @Field(() => Date, { nullable: true })
  enteredInErrorAt: Date | null;

  @Field(() => String, { nullable: true })
  enteredInErrorReason: string | null;

  @Field(() => Int, { description: 'Increases with every change; send it back as expectedVersion.' })
  version: number;

  @Field(() => LocalDate, { description: 'The date the derived fields (status, worklist) are computed for.' })
  asOf: IsoDate;

  /** The row, for field resolvers (patient, prescriber, policy, events). */
  record: Trial;
}

/**
 * A trial row as the API returns it, with the date its derived fields are computed for. An instance
 * of the class, so type-graphql hands it to each field resolver's `@Root()` as it is, rather than
 * copying it into a new instance per field (issue #16: two fields per worklist item).
 */
export function trialOf(row: Trial, asOf: IsoDate): TrialType {
  return Object.assign(new TrialType(), {
    id: row.id,
    condition: row.condition,
    state: row.state,
    startDate: isoDateOf(row.startDate),
    startDoseMg: row.startDoseMg.toNumber(),
    maintenanceDoseMg: row.maintenanceDoseMg?.toNumber() ?? null,
    maintenanceDeclaredOn: row.maintenanceDeclaredOn === null ? null : isoDateOf(row.maintenanceDeclaredOn),
    baseline: { date: isoDateOf(row.baselineScoredOn), score: row.baselineScore },
    endedOn: row.endedOn === null ? null : isoDateOf(row.endedOn),
    discontinuationReason: row.discontinuationReason,
    discontinuationNote: row.discontinuationNote,
    enteredInError: row.enteredInErrorAt !== null,
    enteredInErrorAt: row.enteredInErrorAt,
    enteredInErrorReason: row.enteredInErrorReason,
    version: row.version,
    asOf,
    record: row,
  });
}
