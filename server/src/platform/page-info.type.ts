import { Field, ObjectType } from 'type-graphql';

/** Where a cursor-paginated list stands (Relay's PageInfo). Shared by every connection type. */
@ObjectType('PageInfo')
export class PageInfoType {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass it as `after` for the next page.' })
  endCursor: string | null;
}
