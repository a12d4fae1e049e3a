import { MINIMUM_AT_RISK } from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiAs } from '../patients/patient.builders.ts';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { someTrials, times } from './analytics.builders.ts';

// Today is 2026-06-30. One clinic, fibromyalgia, 15 patients:
//   day 30: 5 discontinued                 → n 15, S = 10/15
//   day 100: 1 censored (started 2026-03-22)
//   day 200: 9 censored (started 2025-12-12) → the last follow-up
// At 90 days exactly 10 are at risk (estimable); at 123 and 180 days 9 (not estimable), although
// the curve stands flat at 2/3 there — the flat tail the network administrator read as a rate.

const POINT = 'day estimable rate lower upper atRisk';
const GROUP = `key suppressed survivalSuppressed rateAt90 { ${POINT} } rateAt123 { ${POINT} } rateAt180 { ${POINT} }`;
const REPORT = `query Report { continuationReport {
  minimumAtRisk survivalSuppressed
  rateAt90 { ${POINT} } rateAt123 { ${POINT} } rateAt180 { ${POINT} }
  curve { day rate atRisk } censorings { day rate censored } followUpDays numbersAtRisk { day atRisk }
  byCondition { ${GROUP} } byClinic { ${GROUP} } byPrescriber { ${GROUP} } } }`;
const CSV = 'query Csv { continuationReportCsv { content } }';

interface Rate {
  day: number;
  estimable: boolean;
  rate: number | null;
  lower: number | null;
  upper: number | null;
  atRisk: number;
}
type Group = { key: string; suppressed: boolean; survivalSuppressed: boolean } & Record<
  'rateAt90' | 'rateAt123' | 'rateAt180',
  Rate | null
>;
interface Report {
  continuationReport: Group & {
    minimumAtRisk: number;
    curve: { day: number; rate: number; atRisk: number }[];
    censorings: { day: number; rate: number; censored: number }[];
    followUpDays: number | null;
    numbersAtRisk: { day: number; atRisk: number }[];
    byCondition: Group[];
    byClinic: Group[];
    byPrescriber: Group[];
  };
}

const notEstimable = (day: number, atRisk: number) => ({
  day,
  estimable: false,
  rate: null,
  lower: null,
  upper: null,
  atRisk,
});

describe('rates where too few are at risk', () => {
  let server: TestServer;
  let admin: Api;

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-06-30T12:00:00Z') });
    const world = await aNetwork(server.db.prisma);
    const spec = {
      clinicId: world.clinic.id,
      prescriberId: world.clinician.id,
      condition: 'FIBROMYALGIA',
    } as const;
    await someTrials(server.db.prisma, [
      ...times(5, { ...spec, startDate: '2026-01-01', endedOn: '2026-01-31', reason: 'INEFFECTIVE' }),
      { ...spec, startDate: '2026-03-22' },
      ...times(9, { ...spec, startDate: '2025-12-12' }),
    ]);
    admin = apiAs(server, await signIn(server, world.admin));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('reads a rate with exactly 10 at risk, and not one with 9, in the headline', async () => {
    const { continuationReport: report } = await admin<Report>(REPORT);
    expect(report.minimumAtRisk).toBe(MINIMUM_AT_RISK);
    expect(report.survivalSuppressed).toBe(false);
    expect(report.rateAt90).toMatchObject({ day: 90, estimable: true, atRisk: 10 });
    expect(report.rateAt90?.rate).toBeCloseTo(10 / 15, 12);
    expect(report.rateAt123).toEqual(notEstimable(123, 9));
    expect(report.rateAt180).toEqual(notEstimable(180, 9));
  });

  it('reads the same in every breakdown', async () => {
    const { continuationReport: report } = await admin<Report>(REPORT);
    const groups = [...report.byCondition, ...report.byClinic, ...report.byPrescriber];
    expect(groups).toHaveLength(3);
    for (const group of groups) {
      expect(group).toMatchObject({ suppressed: false, survivalSuppressed: false });
      expect(group.rateAt90).toMatchObject({ estimable: true, atRisk: 10 });
      expect(group.rateAt123).toEqual(notEstimable(123, 9));
      expect(group.rateAt180).toEqual(notEstimable(180, 9));
    }
  });

  it('draws the curve to the last follow-up, with its censorings and numbers at risk every 30 days', async () => {
    const { continuationReport: report } = await admin<Report>(REPORT);
    expect(report.curve.map(({ day, atRisk }) => [day, atRisk])).toEqual([
      [0, 15],
      [30, 15],
    ]);
    expect(report.censorings.map(({ day, censored }) => [day, censored])).toEqual([
      [100, 1],
      [200, 9],
    ]);
    expect(report.censorings[1]?.rate).toBeCloseTo(10 / 15, 12);
    expect(report.followUpDays).toBe(200);
    expect(report.numbersAtRisk).toEqual([
      { day: 0, atRisk: 15 },
      { day: 30, atRisk: 15 },
      { day: 60, atRisk: 10 },
      { day: 90, atRisk: 10 },
      { day: 120, atRisk: 9 },
      { day: 150, atRisk: 9 },
      { day: 180, atRisk: 9 },
    ]);
  });

  it('writes "not estimable" with the number at risk in the CSV, and states the threshold', async () => {
    const { continuationReportCsv } = await admin<{ continuationReportCsv: { content: string } }>(CSV);
    const lines = continuationReportCsv.content.split('\r\n');
    expect(lines).toContain(
      `# a rate at a day with fewer than ${MINIMUM_AT_RISK} trials at risk reads "not estimable" (too few to estimate)`,
    );
    expect(lines).toContain('continuation,all,all,All trials,rate,123,not estimable,,,9');
    expect(lines).toContain('continuation,all,all,All trials,rate,180,not estimable,,,9');
    expect(lines).toContain('continuation,condition,FIBROMYALGIA,Fibromyalgia,rate,180,not estimable,,,9');
    expect(
      lines.filter((line) => line.startsWith('continuation,') && line.includes(',rate,90,')),
    ).toHaveLength(4);
    expect(lines).toContain('numbers_at_risk,all,all,All trials,at_risk,120,9,,,9');
    expect(lines).toContain('curve,all,all,All trials,censored,200,9,,,');
  });
});
