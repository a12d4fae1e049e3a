import { Field, ObjectType } from 'type-graphql';
import { PageInfoType } from '../platform/page-info.type.ts';
import { PatientType } from './patient.type.ts';

@ObjectType('PatientEdge')
export class PatientEdgeType {
  @Field(() => String, { description: 'Opaque; pass it as `after` to continue after this patient.' })
  cursor: string;

  @Field(() => PatientType)
  node: PatientType;
}

/** One page of the clinic's patients, ordered by family name, given name and id. */
@ObjectType('PatientConnection')
export class PatientConnectionType {
  @Field(() => [PatientEdgeType])
  edges: PatientEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  /** Counts the whole match; only run when `totalCount` is asked for (it costs a query). */
  countAll: () => Promise<number>;
}
