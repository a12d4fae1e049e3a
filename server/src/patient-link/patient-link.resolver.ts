import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { MAY } from '../access/action-roles.ts';
import type { ClinicRepository } from '../access/clinic-repository.ts';
import { ClinicRepo } from '../access/repository-decorators.ts';
import type { Context } from '../graphql/context.ts';
import { isoDateOf } from '../graphql/scalars.ts';
import { TrialType } from '../trials/trial.type.ts';
import { AdverseEffectType, adverseEffectOf } from '../trials/trial-events.type.ts';
import { adherenceFor, patientLinkLoaders } from './patient-adherence.ts';
import {
  issuePatientLinkIn,
  patientLinkOf,
  reviewPatientAdverseEffectIn,
  revokePatientLinkIn,
} from './patient-link.service.ts';
import { AdherenceType, IssuedPatientLinkType, PatientLinkType } from './patient-link.types.ts';

/**
 * The clinic's side of the patient link (issue #19): issue (shown once) and revoke, and on the
 * trial the link's state and the adherence its reports show. Both clinic roles (MAY).
 */
@Resolver(() => TrialType)
export class PatientLinkResolver {
  @Authorized(...MAY.managePatientLink)
  @Mutation(() => IssuedPatientLinkType, {
    description:
      'Issues the trial’s patient link; the path with its token is answered this once. A live link of the trial is revoked.',
  })
  issuePatientLink(
    @Arg('trialId', () => ID) trialId: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<IssuedPatientLinkType> {
    return scope.transaction((tx) => issuePatientLinkIn(tx, ctx, scope, trialId));
  }

  @Authorized(...MAY.managePatientLink)
  @Mutation(() => PatientLinkType, {
    description: 'Revokes the trial’s live link: the patient’s page says so and takes nothing more.',
  })
  revokePatientLink(
    @Arg('trialId', () => ID) trialId: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<PatientLinkType> {
    return scope.transaction((tx) => revokePatientLinkIn(tx, ctx, scope, trialId));
  }

  @Authorized(...MAY.reviewPatientReport)
  @Mutation(() => AdverseEffectType, {
    description: 'Marks a side effect the patient reported as reviewed: it leaves the worklist.',
  })
  async reviewPatientAdverseEffect(
    @Arg('adverseEffectId', () => ID) adverseEffectId: string,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<AdverseEffectType> {
    const reviewed = await scope.transaction((tx) =>
      reviewPatientAdverseEffectIn(tx, ctx, scope, adverseEffectId),
    );
    return adverseEffectOf(reviewed);
  }

  @Authorized(...MAY.managePatientLink)
  @FieldResolver(() => PatientLinkType, {
    nullable: true,
    description: 'The latest patient link issued for the trial (never its token); null when none.',
  })
  async patientLink(
    @Root() trial: TrialType,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<PatientLinkType | null> {
    const links = await patientLinkLoaders(scope).links.load(trial.id);
    const latest = links.at(-1);
    return latest === undefined ? null : patientLinkOf(ctx, scope, latest, trial.record);
  }

  @Authorized(...MAY.managePatientLink)
  @FieldResolver(() => AdherenceType, {
    nullable: true,
    description:
      'Nights reported taken against nights supplied, and evenings with no report (issue #19); null when the trial never had a patient link.',
  })
  async adherence(
    @Root() trial: TrialType,
    @ClinicRepo() scope: ClinicRepository,
    @Ctx() ctx: Context,
  ): Promise<AdherenceType | null> {
    const adherence = await adherenceFor(scope, ctx.config.timeZone, trial.record, trial.asOf);
    if (adherence === null) return null;
    const reports = await patientLinkLoaders(scope).reports.load(trial.id);
    return {
      ...adherence,
      reports: reports.map((report) => ({
        id: report.id,
        evening: isoDateOf(report.evening),
        late: report.late,
        doseTaken: report.doseTaken,
        doseMg: report.doseMg?.toNumber() ?? null,
        submittedAt: report.submittedAt,
      })),
    };
  }
}
