import { classifyDrug, DRUG_SEARCH_MAX_LIMIT, searchDrugs, VOCABULARY_VERSION } from '@ldn/rules';
import { Max, MaxLength, Min } from 'class-validator';
import { Args, ArgsType, Authorized, Field, Int, Query, Resolver } from 'type-graphql';
import { CLINIC_ROLES } from '../access/action-roles.ts';
import {
  DrugClassificationType,
  DrugSearchHitType,
  drugClassificationOf,
  drugSearchHitOf,
} from './drug.types.ts';

/** The longest drug name a medication or prior therapy may hold (their VarChar size). */
export const DRUG_NAME_MAX_LENGTH = 200;

@ArgsType()
class DrugSearchArgs {
  @Field(() => String, { description: 'What has been typed so far.' })
  @MaxLength(DRUG_NAME_MAX_LENGTH)
  query: string;

  @Field(() => Int, { defaultValue: 10, description: `At most ${DRUG_SEARCH_MAX_LIMIT}.` })
  @Min(1)
  @Max(DRUG_SEARCH_MAX_LIMIT)
  first: number;
}

@ArgsType()
class ClassifyDrugArgs {
  @Field(() => String, { description: 'A drug name as typed; at most as long as a record holds.' })
  @MaxLength(DRUG_NAME_MAX_LENGTH)
  name: string;
}

/**
 * The drug vocabulary of the rules package, for the portal's type-ahead and its preview before a
 * save. It holds no patient data, so nothing is audited; only clinic staff record drugs.
 */
@Resolver()
export class DrugResolver {
  @Authorized(...CLINIC_ROLES)
  @Query(() => [DrugSearchHitType], {
    description: 'Names of the drug vocabulary for a type-ahead, best first.',
  })
  drugSearch(@Args(() => DrugSearchArgs) { query, first }: DrugSearchArgs): DrugSearchHitType[] {
    return searchDrugs(query, first).map(drugSearchHitOf);
  }

  @Authorized(...CLINIC_ROLES)
  @Query(() => DrugClassificationType, {
    description: 'What the vocabulary makes of a typed name (clinical-rules §11), before it is saved.',
  })
  classifyDrug(@Args(() => ClassifyDrugArgs) { name }: ClassifyDrugArgs): DrugClassificationType {
    return drugClassificationOf(classifyDrug(name), VOCABULARY_VERSION);
  }

  @Authorized()
  @Query(() => String, { description: 'The drug vocabulary version stored with each classification.' })
  drugVocabularyVersion(): string {
    return VOCABULARY_VERSION;
  }
}
