import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrganisationType } from '../auth/auth.types.ts';
import { Text } from '../graphql/input-rules.ts';
import type { ApiTokenRow } from './api-token.service.ts';

export enum ApiTokenStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(ApiTokenStatus, { name: 'ApiTokenStatus' });

/** The longest lifetime a token may be given: a year and a bit, so a forgotten one ends. */
export const MAX_TOKEN_DAYS = 730;

@ObjectType('ApiToken', {
  description:
    "A system's read-only access to one organisation's records through the FHIR API. The token " +
    'itself is shown once, when issued; only its hash is stored.',
})
export class ApiTokenType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'What it is for, as the administrator wrote it.' })
  name: string;

  @Field(() => OrganisationType, { description: 'The one clinic or pharmacy whose records it reads.' })
  organisation: OrganisationType;

  @Field(() => String)
  createdByName: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'Null: it does not expire.' })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'To the minute.' })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true })
  revokedByName: string | null;

  @Field(() => ApiTokenStatus)
  status: ApiTokenStatus;
}

@ObjectType('IssuedApiToken')
export class IssuedApiTokenType {
  @Field(() => ApiTokenType)
  apiToken: ApiTokenType;

  @Field(() => String, {
    description: 'The token (ldn_…), for `Authorization: Bearer`. Shown this once: copy it now.',
  })
  token: string;
}

@InputType()
export class IssueApiTokenInput {
  @Field(() => ID, { description: 'The clinic or pharmacy whose records the token reads.' })
  organisationId: string;

  @Field(() => String, { description: 'What it is for (the system and its purpose).' })
  @Text({ max: 200, required: 'Say what the token is for.' })
  name: string;

  @Field(() => Int, {
    nullable: true,
    description: `Days until it stops working (1–${MAX_TOKEN_DAYS}); none: never.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'A token lasts at least a day.' })
  @Max(MAX_TOKEN_DAYS, { message: `A token lasts at most ${MAX_TOKEN_DAYS} days.` })
  expiresInDays?: number | null;
}

/** A token row as the administrators see it, its status as of `now`. */
export function apiTokenOf(row: ApiTokenRow, now: Date): ApiTokenType {
  const status =
    row.revokedAt !== null
      ? ApiTokenStatus.REVOKED
      : row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime()
        ? ApiTokenStatus.EXPIRED
        : ApiTokenStatus.ACTIVE;
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    createdByName: row.createdBy.name,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    revokedByName: row.revokedBy?.name ?? null,
    status,
  };
}
