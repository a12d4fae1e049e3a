import type { Condition as ConditionValue } from '@ldn/db';
import { compareDates, type IsoDate } from '@ldn/rules';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { isRecordId } from '../access/ids.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { Condition } from '../patients/patient.enums.ts';
import { badInput } from '../platform/errors.ts';
import type { ReportCohort } from './continuation-queries.ts';

const MAX_IDS = 500;

@InputType({ description: 'Which trials the continuation report covers; everything is optional.' })
export class ContinuationFilter {
  @Field(() => LocalDate, { nullable: true, description: 'Trials started on or after this date.' })
  @IsOptional()
  startedFrom?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Trials started on or before this date.' })
  @IsOptional()
  startedTo?: string | null;

  @Field(() => [Condition], { nullable: true, description: 'Empty or absent: every condition.' })
  @IsOptional()
  @ArrayMaxSize(20)
  conditions?: ConditionValue[] | null;

  @Field(() => [ID], { nullable: true, description: 'Empty or absent: every clinic.' })
  @IsOptional()
  @ArrayMaxSize(MAX_IDS)
  clinicIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Empty or absent: every prescriber.' })
  @IsOptional()
  @ArrayMaxSize(MAX_IDS)
  prescriberIds?: string[] | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The report date: active trials are censored here. Default today; not in the future.',
  })
  @IsOptional()
  asOf?: string | null;
}

function recordIds(field: string, ids: readonly string[] | null | undefined): string[] {
  const unique = [...new Set(ids ?? [])];
  if (unique.some((id) => !isRecordId(id)))
    throw badInput(field, `Every one of ${field} must be a record id.`);
  return unique;
}

/** The filter checked and completed: the report date defaults to today and cannot be later. */
export function cohortOf(filter: ContinuationFilter | null | undefined, today: IsoDate): ReportCohort {
  const asOf = filter?.asOf ?? today;
  if (compareDates(asOf, today) > 0) throw badInput('asOf', 'The report date cannot be in the future.');
  const startedFrom = filter?.startedFrom ?? null;
  const startedTo = filter?.startedTo ?? null;
  if (startedFrom !== null && startedTo !== null && compareDates(startedFrom, startedTo) > 0) {
    throw badInput('startedTo', 'The start range ends before it begins.');
  }
  return {
    asOf,
    startedFrom,
    startedTo,
    conditions: [...new Set(filter?.conditions ?? [])],
    clinicIds: recordIds('clinicIds', filter?.clinicIds),
    prescriberIds: recordIds('prescriberIds', filter?.prescriberIds),
  };
}
