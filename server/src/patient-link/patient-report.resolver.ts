import type { IsoDate } from '@ldn/rules';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { PatientLinkRepository } from '../access/patient-link-repository.ts';
import { SystemRepo } from '../access/repository-decorators.ts';
import type { SystemRepository } from '../access/system-repository.ts';
import type { Context } from '../graphql/context.ts';
import { ArgRules } from '../graphql/input-rules.ts';
import { LocalDate } from '../graphql/scalars.ts';
import { PatientReportInput, PatientReportPageType } from './patient-link.types.ts';
import { confirmBirthDate, recordPatientReport, reportPageOf } from './patient-report.service.ts';
import { REPORTS_PER_ADDRESS, REPORTS_PER_LINK } from './report-rate-limit.ts';

const TOKEN = { description: 'The token of the link (the last part of /r/…).' };

/**
 * The patient's surface (issue #19): no sign-in, no @Authorized. Every operation takes the link's
 * token and goes through PatientLinkRepository, which reaches exactly the link's trial and nothing
 * else; the page holds only the first name, tonight's dose and the evenings reported.
 */
@Resolver()
export class PatientReportResolver {
  @Query(() => PatientReportPageType, {
    description:
      'The report page of a patient link: its state, or (on a device that gave the date of birth) what the patient sees.',
  })
  patientReportPage(
    @Arg('token', () => String, TOKEN) token: string,
    // system: a patient's token finds its link before any organisation is known; from there the
    // link reaches its trial only, and the database holds the request to the trial's clinic.
    @SystemRepo() system: SystemRepository,
    @Ctx() ctx: Context,
  ) {
    return system.transaction(async (tx) =>
      reportPageOf(ctx, await PatientLinkRepository.open(ctx, system, token, tx), tx),
    );
  }

  @ArgRules({ dateOfBirth: 'BIRTH' })
  @Mutation(() => PatientReportPageType, {
    description:
      'First use on a device: the patient’s date of birth. Right: the device is remembered for the link (an httpOnly cookie). Wrong: BAD_USER_INPUT; repeated, TOO_MANY_REQUESTS, then the link locks.',
  })
  async confirmPatientBirthDate(
    @Arg('token', () => String, TOKEN) token: string,
    @Arg('dateOfBirth', () => LocalDate) dateOfBirth: IsoDate,
    // system: a patient's token finds its link before any organisation is known; from there the
    // link reaches its trial only, and the database holds the request to the trial's clinic.
    @SystemRepo() system: SystemRepository,
    @Ctx() ctx: Context,
  ): Promise<PatientReportPageType> {
    // The cookie is set on this response, so the page is answered as the device now is.
    const scope = await confirmBirthDate(ctx, system, token, dateOfBirth);
    return system.transaction((tx) => reportPageOf(ctx, scope, tx));
  }

  @Mutation(() => PatientReportPageType, {
    description: `One evening’s report: tonight, or up to 2 evenings late (marked late); sending an evening again replaces its report. Refused with BAD_USER_INPUT naming each field the rules refuse, and TOO_MANY_REQUESTS (limit LINK or ADDRESS) past ${REPORTS_PER_LINK} reports of a link or ${REPORTS_PER_ADDRESS} from an address in 15 minutes.`,
  })
  submitPatientReport(
    @Arg('token', () => String, TOKEN) token: string,
    @Arg('report', () => PatientReportInput) report: PatientReportInput,
    // system: a patient's token finds its link before any organisation is known; from there the
    // link reaches its trial only, and the database holds the request to the trial's clinic.
    @SystemRepo() system: SystemRepository,
    @Ctx() ctx: Context,
  ): Promise<PatientReportPageType> {
    return recordPatientReport(ctx, system, token, report);
  }
}
