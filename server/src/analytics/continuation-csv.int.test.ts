import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiAs } from '../patients/patient.builders.ts';
import { aNetwork, anOrganisation, aPerson, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { someTrials, times } from './analytics.builders.ts';

const CSV = `query Csv($filter: ContinuationFilter) {
  continuationReportCsv(filter: $filter) { filename contentType content } }`;
const REPORT = `query Report($filter: ContinuationFilter) {
  continuationReport(filter: $filter) { trialCount rateAt90 { rate lower upper atRisk } medianDays } }`;

interface Csv {
  continuationReportCsv: { filename: string; contentType: string; content: string };
}

describe('the continuation report as CSV', () => {
  let server: TestServer;
  let admin: Api;
  let clinicId: string;

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-06-30T12:00:00Z') });
    const world = await aNetwork(server.db.prisma);
    // A clinic name a spreadsheet could misread: a comma, quotes, and a leading "=".
    const clinic = await anOrganisation(server.db.prisma, 'CLINIC', '=North, "Main" clinic');
    clinicId = clinic.id;
    const prescriber = await aPerson(server.db.prisma, clinic.id, 'CLINICIAN');
    const spec = { clinicId, prescriberId: prescriber.id, startDate: '2026-01-01' } as const;
    await someTrials(server.db.prisma, [
      // Six stopped as ineffective on days 30 … 80, four still on LDN after 180 days.
      ...[30, 40, 50, 60, 70, 80].map((day) => ({
        ...spec,
        endedOn: new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10),
        reason: 'INEFFECTIVE' as const,
      })),
      ...times(4, spec),
    ]);
    admin = apiAs(server, await signIn(server, world.admin));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('names the file and its type', async () => {
    const { continuationReportCsv } = await admin<Csv>(CSV, { filter: { clinicIds: [clinicId] } });
    expect(continuationReportCsv).toMatchObject({
      filename: 'ldn-continuation-2026-06-30.csv',
      contentType: 'text/csv',
    });
  });

  it('starts with the filter, the report date and the computing time in comment lines, then the columns', async () => {
    const { continuationReportCsv } = await admin<Csv>(CSV, {
      filter: { clinicIds: [clinicId], startedFrom: '2025-07-01', conditions: ['FIBROMYALGIA'] },
    });
    const lines = continuationReportCsv.content.split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      '# LDN continuation report (clinical-rules.md §8), de-identified',
      '# as of: 2026-06-30 (active trials censored at this date)',
      '# computed at: 2026-06-30T12:00:00.000Z',
      `# filter: started from 2025-07-01; started to any; conditions FIBROMYALGIA; clinics ${clinicId}; prescribers all`,
    ]);
    expect(lines).toContain('section,group,key,label,measure,day,value,lower,upper,at_risk');
    expect(continuationReportCsv.content.endsWith('\r\n')).toBe(true);
  });

  it('has the same figures as the report, one per row', async () => {
    const filter = { clinicIds: [clinicId] };
    const [{ continuationReportCsv }, { continuationReport }] = await Promise.all([
      admin<Csv>(CSV, { filter }),
      admin<{ continuationReport: { rateAt90: unknown; medianDays: number | null } }>(REPORT, { filter }),
    ]);
    const lines = continuationReportCsv.content.split('\r\n');
    // Four patients still on LDN are a suppressed count, and the rate at 90 (4/10 after six single
    // discontinuations) and the median (70) would tell it: hidden in the report and the CSV alike.
    expect(continuationReport).toMatchObject({ rateAt90: null, medianDays: null });
    expect(lines).toContain('continuation,all,all,All trials,rate,90,suppressed,,,');
    expect(lines).toContain('continuation,all,all,All trials,rate,180,suppressed,,,');
    expect(lines).toContain('continuation,all,all,All trials,median_days,,suppressed,,,');
    expect(lines).toContain('curve,all,all,All trials,rate,,suppressed,,,');
    expect(lines.filter((line) => line.startsWith('curve,'))).toHaveLength(1);
    expect(lines).toContain('continuation,all,all,All trials,trials,,10,,,');
    expect(lines).toContain('discontinuation_reasons,reason,INEFFECTIVE,Ineffective,trials,,6,,,');
    expect(lines).toContain('outcomes,all,all,All trials,mean_pain_change,,suppressed,,,');
    expect(lines).toContain(
      'reference,evidence,6,Reference figure (clinical-rules.md §8),meanPainChange,,-0.83,,,',
    );
  });

  it('quotes a clinic name and keeps a spreadsheet from reading it as a formula', async () => {
    const { continuationReportCsv } = await admin<Csv>(CSV, { filter: { clinicIds: [clinicId] } });
    expect(continuationReportCsv.content).toContain(
      `continuation,clinic,${clinicId},"'=North, ""Main"" clinic",trials,,10,,,`,
    );
  });

  it('says "suppressed" instead of the figures of a too-small cohort', async () => {
    const { continuationReportCsv } = await admin<Csv>(CSV, { filter: { conditions: ['CRPS'] } });
    const rows = continuationReportCsv.content
      .split('\r\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(rows).toEqual([
      'section,group,key,label,measure,day,value,lower,upper,at_risk',
      'continuation,all,all,All trials,trials,,suppressed,,,',
    ]);
  });
});
