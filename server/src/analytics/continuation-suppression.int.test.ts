import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiAs } from '../patients/patient.builders.ts';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { someTrials, times } from './analytics.builders.ts';

// Complementary suppression: within one report, no suppressed count can be worked out from the
// shown ones. Each row of the table is a derivation that gave a suppressed count before.
//   Clinic A: 12 patients; 3 stopped as ineffective, 9 go on; 6 assessed MEANINGFUL, 2 NONE;
//             10 of the 12 with an adverse effect.
//   Clinic B: 3 patients, all going on, all with an adverse effect.

const REPORT = `query ($filter: ContinuationFilter) { continuationReport(filter: $filter) {
  trialCount discontinuedCount censoredCount assessedCount adverseEffectRate survivalSuppressed medianDays
  rateAt90 { rate atRisk } curve { day rate atRisk }
  byClinic { key trialCount } byCondition { key trialCount } byPrescriber { key trialCount }
  discontinuationReasons { reason count } responseClasses { responseClass count } } }`;

type Count = number | null;
interface Report {
  trialCount: Count;
  discontinuedCount: Count;
  censoredCount: Count;
  assessedCount: Count;
  adverseEffectRate: number | null;
  survivalSuppressed: boolean;
  medianDays: number | null;
  rateAt90: { rate: number; atRisk: number } | null;
  curve: { day: number; rate: number; atRisk: number }[];
  byClinic: { key: string; trialCount: Count }[];
  byCondition: { key: string; trialCount: Count }[];
  byPrescriber: { key: string; trialCount: Count }[];
  discontinuationReasons: { reason: string; count: Count }[];
  responseClasses: { responseClass: string; count: Count }[];
}

/** The total minus the shown parts, when every part but `hidden` is shown (else null). */
function remainder(total: Count, parts: Count[], hidden: Count): number | null {
  if (hidden !== null || total === null || parts.some((part) => part === null)) return null;
  return total - parts.reduce<number>((sum, part) => sum + (part ?? 0), 0);
}

/** The discontinued trials as the curve's Kaplan–Meier steps give them: at risk × the drop. */
function stoppedFromCurve(report: Report): number | null {
  if (report.curve.length < 2) return null;
  let stopped = 0;
  report.curve.forEach((point, index) => {
    const before = report.curve[index - 1];
    if (before !== undefined && before.rate > 0) stopped += point.atRisk * (1 - point.rate / before.rate);
  });
  return Math.round(stopped);
}

/** Additive relationships of a report with exactly one hidden member: each would give it away. */
function giveaways(report: Report): string[] {
  const relationships: [string, Count, Count[]][] = [
    ['trials = discontinued + censored', report.trialCount, [report.discontinuedCount, report.censoredCount]],
    ['discontinued = Σ reasons', report.discontinuedCount, report.discontinuationReasons.map((r) => r.count)],
    ['assessed = Σ response classes', report.assessedCount, report.responseClasses.map((r) => r.count)],
    ['trials = Σ clinics', report.trialCount, report.byClinic.map((g) => g.trialCount)],
    ['trials = Σ conditions', report.trialCount, report.byCondition.map((g) => g.trialCount)],
    ['trials = Σ prescribers', report.trialCount, report.byPrescriber.map((g) => g.trialCount)],
  ];
  return relationships
    .filter(([, total, parts]) => [total, ...parts].filter((member) => member === null).length === 1)
    .map(([name]) => name);
}

describe('complementary suppression of the continuation report', () => {
  let server: TestServer;
  let admin: Api;
  let world: Awaited<ReturnType<typeof aNetwork>>;
  const report = async (filter: Record<string, unknown> = {}) =>
    (await admin<{ continuationReport: Report }>(REPORT, { filter })).continuationReport;
  const clinicA = () => ({ clinicIds: [world.clinic.id] });

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-06-30T12:00:00Z') });
    world = await aNetwork(server.db.prisma);
    const a = { clinicId: world.clinic.id, prescriberId: world.clinician.id, startDate: '2026-01-01' };
    const b = {
      clinicId: world.otherClinic.id,
      prescriberId: world.otherClinician.id,
      startDate: '2026-01-01',
    };
    const affected = { adverseEffects: [{ onsetOn: '2026-01-10' }] };
    const assessed = (responseClass: 'MEANINGFUL' | 'NONE') => ({
      assessment: { assessedOn: '2026-04-01', meanScore: 5, responseClass },
    });
    await someTrials(server.db.prisma, [
      ...times(3, { ...a, ...affected, endedOn: '2026-03-01', reason: 'INEFFECTIVE' }),
      ...times(6, { ...a, ...affected, ...assessed('MEANINGFUL') }),
      { ...a, ...affected, ...assessed('NONE') },
      { ...a, ...assessed('NONE') },
      { ...a },
      ...times(3, { ...b, ...affected, condition: 'CRPS' as const }),
    ]);
    admin = apiAs(server, await signIn(server, world.admin));
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each<[string, () => Record<string, unknown>, (report: Report) => number | null]>([
    [
      'discontinued = trials − censored',
      clinicA,
      (r) => remainder(r.trialCount, [r.censoredCount], r.discontinuedCount),
    ],
    [
      'the one reason beside zeros = discontinued − the zeros',
      clinicA,
      (r) => {
        const [ineffective = null, ...others] = r.discontinuationReasons.map((reason) => reason.count);
        const discontinued =
          r.discontinuedCount ?? remainder(r.trialCount, [r.censoredCount], r.discontinuedCount);
        return remainder(discontinued, others, ineffective);
      },
    ],
    [
      'NONE = assessed − the other classes (zeros included)',
      clinicA,
      (r) => {
        const none = r.responseClasses.find((c) => c.responseClass === 'NONE')?.count ?? null;
        const rest = r.responseClasses.filter((c) => c.responseClass !== 'NONE').map((c) => c.count);
        return remainder(r.assessedCount, rest, none);
      },
    ],
    [
      'a small clinic = trials − the other clinics',
      () => ({}),
      (r) =>
        remainder(
          r.trialCount,
          r.byClinic.filter((g) => g.key !== world.otherClinic.id).map((g) => g.trialCount),
          r.byClinic.find((g) => g.key === world.otherClinic.id)?.trialCount ?? null,
        ),
    ],
    [
      'a small condition = trials − the other conditions',
      () => ({}),
      (r) =>
        remainder(
          r.trialCount,
          r.byCondition.filter((g) => g.key !== 'CRPS').map((g) => g.trialCount),
          r.byCondition.find((g) => g.key === 'CRPS')?.trialCount ?? null,
        ),
    ],
    [
      'the trials without an adverse effect = trials × (1 − the share)',
      clinicA,
      (r) =>
        r.adverseEffectRate === null || r.trialCount === null
          ? null
          : Math.round(r.trialCount * (1 - r.adverseEffectRate)),
    ],
    [
      'discontinued from the curve’s steps (at risk × the drop)',
      clinicA,
      (r) => (r.discontinuedCount === null ? stoppedFromCurve(r) : null),
    ],
    [
      'discontinued from the rate at 90 days (no censoring before it: trials × (1 − rate))',
      clinicA,
      (r) =>
        r.discontinuedCount === null && r.rateAt90 !== null && r.trialCount !== null
          ? Math.round(r.trialCount * (1 - r.rateAt90.rate))
          : null,
    ],
  ])('cannot work out %s', async (_, filter, derive) => {
    expect(derive(await report(filter()))).toBeNull();
  });

  it.each([
    ['clinic A', clinicA],
    ['everyone', () => ({})],
  ])('leaves no relationship of the report of %s with a single suppressed member', async (_, filter) => {
    expect(giveaways(await report(filter()))).toEqual([]);
  });

  it('hides the curve, the rates and the median with the discontinued count, and says so', async () => {
    const result = await report(clinicA());
    expect(result).toMatchObject({
      discontinuedCount: null,
      survivalSuppressed: true,
      rateAt90: null,
      medianDays: null,
      curve: [],
    });
  });

  it('still shows what gives nothing away', async () => {
    const result = await report(clinicA());
    expect(result).toMatchObject({ trialCount: 12, assessedCount: 8 });
    expect(result.responseClasses.find((c) => c.responseClass === 'MEANINGFUL')?.count).toBe(6);
  });
});
