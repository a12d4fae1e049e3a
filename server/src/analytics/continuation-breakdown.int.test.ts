import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiAs } from '../patients/patient.builders.ts';
import { aNetwork, anOrganisation, aPerson, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { someTrials, type TrialSpec } from './analytics.builders.ts';

// Breakdowns are estimated from follow-up cut at day 180 (the last reported day), and again from
// the full follow-up when the median lies beyond it. Either way a group must read exactly as the
// report of that group alone, which is estimated from the full follow-up.

const FIGURES =
  'trialCount medianDays rateAt90 { rate lower upper atRisk } rateAt123 { rate lower upper atRisk } rateAt180 { rate lower upper atRisk }';
const REPORT = `query ($filter: ContinuationFilter) { continuationReport(filter: $filter) {
  ${FIGURES} byClinic { key ${FIGURES} } } }`;

const CENSORED_THREE = ['censored', 'censored', 'censored'] as const;

const day = (startDate: string, days: number) =>
  new Date(Date.parse(`${startDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface Figures {
  trialCount: number;
  medianDays: number | null;
}
interface Report {
  continuationReport: Figures & { byClinic: (Figures & { key: string })[] };
}

describe('continuation broken down by clinic', () => {
  let server: TestServer;
  let admin: Api;
  const clinics: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-06-30T12:00:00Z') });
    const world = await aNetwork(server.db.prisma);
    const trialsOf = async (name: string, durations: (number | 'censored')[]): Promise<TrialSpec[]> => {
      const clinic = await anOrganisation(server.db.prisma, 'CLINIC', name);
      const prescriber = await aPerson(server.db.prisma, clinic.id, 'CLINICIAN');
      clinics[name] = clinic.id;
      const startDate = '2025-06-01'; // 394 days before the report date
      // Each duration twice: the medians stay, and every group has 5 or more discontinued and censored
      // patients, so its rates and median are shown (fewer would be suppressed with the counts).
      return durations
        .flatMap((duration) => [duration, duration])
        .map((duration) => ({
          clinicId: clinic.id,
          prescriberId: prescriber.id,
          startDate,
          ...(duration === 'censored'
            ? {}
            : { endedOn: day(startDate, duration), reason: 'INEFFECTIVE' as const }),
        }));
    };
    await someTrials(server.db.prisma, [
      // Median 40 (6/12 left), followed up well past day 180.
      ...(await trialsOf('Early median', [20, 30, 40, ...CENSORED_THREE])),
      // 10/12 at day 100, then 10/12 · 6/10 = 1/2 at day 250: the median lies beyond day 180.
      ...(await trialsOf('Late median', [100, 250, 250, ...CENSORED_THREE])),
    ]);
    admin = apiAs(server, await signIn(server, world.admin));
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ['Early median', 40],
    ['Late median', 250],
  ])('shows %s exactly as its own report (median %i)', async (name, median) => {
    const clinicId = clinics[name] ?? '';
    const all = (await admin<Report>(REPORT)).continuationReport;
    const alone = (await admin<Report>(REPORT, { filter: { clinicIds: [clinicId] } })).continuationReport;
    const { byClinic: _, ...own } = alone;
    expect(own.medianDays).toBe(median);
    expect(all.byClinic.find((group) => group.key === clinicId)).toEqual({ key: clinicId, ...own });
  });
});
