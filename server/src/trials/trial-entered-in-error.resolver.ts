import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import { REASON_FIELD, REASON_TEXT } from '../corrections/record-correction.ts';
import type { Context } from '../graphql/context.ts';
import { ArgRules } from '../graphql/input-rules.ts';
import { TrialType } from './trial.type.ts';
import { changeTrial } from './trial-change.ts';
import { markTrialEnteredInErrorIn } from './trial-entered-in-error.service.ts';

@Resolver()
export class TrialEnteredInErrorResolver {
  /**
   * A trial started by mistake (workflows.md, corrections): clinicians mark it entered in error
   * with a reason. Unlike discontinuing, it leaves the worklist, the derived states and every
   * figure, and the patient can start a trial again.
   */
  @Authorized('CLINICIAN')
  @ArgRules({ reason: REASON_TEXT })
  @Mutation(() => TrialType, {
    description:
      'Marks a trial started by mistake entered in error (clinicians): kept, struck through, counted nowhere; its open orders are cancelled. An order at the pharmacy’s bench → RULE_VIOLATION TRIAL_HAS_SUPPLY (discontinue instead); stale version → CONFLICT.',
  })
  markTrialEnteredInError(
    @Arg('trialId', () => ID) trialId: string,
    @Arg('version', () => Int) version: number,
    @Arg('reason', () => String, REASON_FIELD) reason: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<TrialType> {
    return changeTrial(ctx, scope, trialId, (tx) =>
      markTrialEnteredInErrorIn(tx, ctx, scope, trialId, { version, reason }),
    );
  }
}
