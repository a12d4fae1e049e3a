import type { PatientLink, PatientReport, Trial } from '@ldn/db';
import { type Adherence, adherenceOf, type IsoDate, laterOf } from '@ldn/rules';
import type { LoaderSource } from '../access/loaders.ts';
import { isoDateOf } from '../graphql/scalars.ts';

/** The calendar date of an instant in the clinic's time zone (en-CA formats YYYY-MM-DD). */
export const clinicDateOf = (instant: Date, timeZone: string): IsoDate =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );

/** Per request and batched: a trial's links (oldest first) and its current reports (newest first). */
export const patientLinkLoaders = ({ loaders }: LoaderSource) => ({
  links: loaders.many<PatientLink>(
    'patientLink.links',
    (prisma, ids) =>
      prisma.patientLink.findMany({ where: { trialId: { in: ids } }, orderBy: { createdAt: 'asc' } }),
    (row) => row.trialId,
  ),
  reports: loaders.many<PatientReport>(
    'patientLink.reports',
    (prisma, ids) =>
      prisma.patientReport.findMany({
        where: { trialId: { in: ids }, replacedAt: null },
        orderBy: { evening: 'desc' },
      }),
    (row) => row.trialId,
  ),
  nightsSupplied: loaders.one<{ trialId: string; nights: number }>(
    'patientLink.nightsSupplied',
    async (prisma, ids) =>
      prisma.$queryRaw<{ trialId: string; nights: number }[]>`
        SELECT o."trialId"::text AS "trialId", COALESCE(sum(l."daysSupply"), 0)::int AS nights
        FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o.id
        WHERE o."trialId" = ANY(${ids}::uuid[]) AND o.state = 'DISPENSED'
        GROUP BY o."trialId"`,
    (row) => row.trialId,
  ),
});

/**
 * Adherence from the patient's reports (issue #19), null for a trial that never had a link: the
 * evenings count from the later of the trial's start and the day the first link was issued.
 */
export async function adherenceFor(
  ctx: LoaderSource,
  timeZone: string,
  trial: Trial,
  asOf: IsoDate,
): Promise<Adherence | null> {
  const loaders = patientLinkLoaders(ctx);
  const [links, reports, supplied] = await Promise.all([
    loaders.links.load(trial.id),
    loaders.reports.load(trial.id),
    loaders.nightsSupplied.load(trial.id),
  ]);
  const [first] = links;
  if (first === undefined) return null;
  const since = laterOf(isoDateOf(trial.startDate), clinicDateOf(first.createdAt, timeZone));
  const end = trial.endedOn === null ? asOf : isoDateOf(trial.endedOn);
  return adherenceOf({
    since,
    asOf: end < asOf ? end : asOf,
    reports: reports.map((report) => ({
      evening: isoDateOf(report.evening),
      taken: report.doseTaken === 'TAKEN',
    })),
    nightsSupplied: supplied?.nights ?? 0,
  });
}
