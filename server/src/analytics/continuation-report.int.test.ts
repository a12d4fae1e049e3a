import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiAs } from '../patients/patient.builders.ts';
import { aNetwork, signIn } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { someTrials, type TrialSpec, times } from './analytics.builders.ts';

// Today is 2026-06-30. Clinic A (10 patients, fibromyalgia) is the hand-computed example:
//   day 30: 2 discontinued, 1 censored  → n 10, S = 8/10                Σ = 2/(10·8)
//   day 60: 1 discontinued               → n 7,  S = 8/10 · 6/7 = 24/35  Σ += 1/(7·6)
//   day 100: 1 discontinued              → n 6,  S = 24/35 · 5/6 = 4/7   Σ += 1/(6·5)
//   5 still on LDN after 211 days (censored); median never reached.
// Clinic B (3 patients, 5 trials, CRPS) is too small to show.

const REPORT = `query Report($filter: ContinuationFilter) { continuationReport(filter: $filter) {
  asOf suppressed survivalSuppressed minimumGroupSize trialCount patientCount discontinuedCount censoredCount medianDays
  filter { startedFrom startedTo conditions clinicIds prescriberIds }
  rateAt90 { day rate lower upper atRisk } rateAt123 { day rate lower upper atRisk }
  rateAt180 { day rate lower upper atRisk }
  curve { day rate lower upper atRisk }
  byCondition { key label suppressed trialCount patientCount medianDays rateAt90 { rate } }
  byClinic { key label suppressed trialCount patientCount rateAt90 { rate } rateAt180 { rate } }
  byPrescriber { key label suppressed trialCount rateAt123 { rate } }
  discontinuationReasons { reason label count suppressed }
  responseClasses { responseClass count suppressed }
  assessedCount meanPainChange adverseEffectRate
  reference { meanDurationDays { value evidence } continuingAtFollowUp { value evidence }
    meanPainChange { value evidence } adverseEffectRate { value evidence } } } }`;

interface Point {
  day: number;
  rate: number;
  lower: number;
  upper: number;
  atRisk: number;
}
interface Group {
  key: string;
  label: string;
  suppressed: boolean;
  trialCount: number | null;
  rateAt90: { rate: number } | null;
}
interface Report {
  continuationReport: Record<string, unknown> & {
    rateAt90: Point | null;
    rateAt123: Point | null;
    rateAt180: Point | null;
    curve: Point[];
    byCondition: Group[];
    byClinic: Group[];
    byPrescriber: Group[];
  };
}

describe('the continuation report', () => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof aNetwork>>;
  let admin: Api;
  const report = async (filter: Record<string, unknown> = {}) =>
    (await admin<Report>(REPORT, { filter })).continuationReport;

  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-06-30T12:00:00Z') });
    world = await aNetwork(server.db.prisma);
    const a = {
      clinicId: world.clinic.id,
      prescriberId: world.clinician.id,
      condition: 'FIBROMYALGIA',
    } as const;
    const b = {
      clinicId: world.otherClinic.id,
      prescriberId: world.otherClinician.id,
      condition: 'CRPS',
    } as const;
    const clinicA: TrialSpec[] = [
      ...times(2, {
        ...a,
        startDate: '2026-01-01',
        endedOn: '2026-01-31',
        reason: 'INEFFECTIVE',
        adverseEffects: [{ onsetOn: '2026-01-15' }],
      }),
      // Censored on day 30, the day two others stopped; an adverse effect after the report date.
      { ...a, startDate: '2026-05-31', adverseEffects: [{ onsetOn: '2026-07-10' }] },
      {
        ...a,
        startDate: '2026-01-01',
        endedOn: '2026-03-02',
        reason: 'ADVERSE_EFFECTS',
        assessment: { assessedOn: '2026-03-01', meanScore: 7.5, responseClass: 'NONE' },
        adverseEffects: [{ onsetOn: '2026-02-20' }],
      },
      {
        ...a,
        startDate: '2026-01-01',
        endedOn: '2026-04-11',
        reason: 'PATIENT_CHOICE',
        assessment: { assessedOn: '2026-04-01', meanScore: 7.5, responseClass: 'NONE' },
        adverseEffects: [{ onsetOn: '2026-03-20' }],
      },
      {
        ...a,
        startDate: '2025-12-01',
        assessment: { assessedOn: '2026-03-01', meanScore: 4.9, responseClass: 'MEANINGFUL' },
        adverseEffects: [{ onsetOn: '2026-01-05' }, { onsetOn: '2026-02-05', kind: 'INSOMNIA' }],
      },
      ...times(4, {
        ...a,
        startDate: '2025-12-01',
        assessment: { assessedOn: '2026-03-01', meanScore: 4.9, responseClass: 'MEANINGFUL' },
      }),
      // Starts after the report date: left out.
      { ...a, startDate: '2026-07-15' },
    ];
    const clinicB: TrialSpec[] = [
      { ...b, startDate: '2025-10-01', endedOn: '2025-11-01', reason: 'COST_NOT_COVERED' },
      { ...b, startDate: '2026-01-01', samePatientAs: 0 },
      { ...b, startDate: '2025-10-01', endedOn: '2025-11-01', reason: 'COST_NOT_COVERED' },
      { ...b, startDate: '2026-01-01', samePatientAs: 2 },
      { ...b, startDate: '2026-02-01' },
    ];
    await someTrials(server.db.prisma, [...clinicB, ...clinicA]);
    admin = apiAs(server, await signIn(server, world.admin));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('hides the rates, the median and the curve with the discontinued count they would give away', async () => {
    const result = await report({ clinicIds: [world.clinic.id] });
    expect(result).toMatchObject({ asOf: '2026-06-30', suppressed: false, trialCount: 10, patientCount: 10 });
    // Four discontinued patients are suppressed; the hand-computed Kaplan–Meier figures of this
    // example (24/35 at 90 days, 4/7 at 123, steps of 10 · 0.2, 7 · 1/7, 6 · 1/6) would tell them.
    // The estimator's figures and Greenwood intervals are held in continuation-estimate.test.ts.
    expect(result).toMatchObject({
      survivalSuppressed: true,
      rateAt90: null,
      rateAt123: null,
      rateAt180: null,
      medianDays: null,
      curve: [],
    });
  });

  it('counts discontinued trials only from 5 patients up, and hides the censored ones with them', async () => {
    const result = await report({ clinicIds: [world.clinic.id] });
    // Four discontinued patients are suppressed; 6 censored of 10 trials would tell them (10 − 6).
    expect(result).toMatchObject({ trialCount: 10, discontinuedCount: null, censoredCount: null });
  });

  it('summarises the outcomes as of the report date beside the reference figures', async () => {
    const result = await report({ clinicIds: [world.clinic.id] });
    // NONE (2 patients) is suppressed, and a zero beside it too: 7 assessed − 5 − 0 − 0 would tell it.
    expect(result.responseClasses).toEqual([
      { responseClass: 'SUBSTANTIAL', count: null, suppressed: true },
      { responseClass: 'MEANINGFUL', count: 5, suppressed: false },
      { responseClass: 'MINIMAL', count: 0, suppressed: false },
      { responseClass: 'NONE', count: null, suppressed: true },
    ]);
    // (5 · (4.9 − 7) + 2 · (7.5 − 7)) / 7
    expect(result.meanPainChange).toBeCloseTo(-9.5 / 7, 9);
    expect(result.assessedCount).toBe(7);
    // Five of the ten trials (one with two effects; the effect after the report date does not count).
    expect(result.adverseEffectRate).toBe(0.5);
    expect(result.discontinuationReasons).toEqual([
      { reason: 'INEFFECTIVE', label: 'Ineffective', count: null, suppressed: true },
      { reason: 'ADVERSE_EFFECTS', label: 'Adverse effects', count: null, suppressed: true },
      { reason: 'OPIOID_NEEDED', label: 'Opioid needed', count: 0, suppressed: false },
      { reason: 'COST_NOT_COVERED', label: 'Cost / not covered', count: 0, suppressed: false },
      { reason: 'PATIENT_CHOICE', label: 'Patient choice', count: null, suppressed: true },
      { reason: 'LOST_TO_FOLLOW_UP', label: 'Lost to follow-up', count: 0, suppressed: false },
      { reason: 'OTHER', label: 'Other', count: 0, suppressed: false },
    ]);
    expect(result.reference).toEqual({
      meanDurationDays: { value: 123, evidence: ['6'] },
      continuingAtFollowUp: { value: 0.5, evidence: ['6'] },
      meanPainChange: { value: -0.83, evidence: ['6'] },
      adverseEffectRate: { value: 0.32, evidence: ['seed'] },
    });
  });

  it('censors at a past report date the trials that ended after it', async () => {
    // As of 02-15: nine trials had started; two stopped on day 30, the rest are censored (45, 76 days).
    // The two are a suppressed count: the rate (7/9) that would tell them is hidden too.
    const result = await report({ clinicIds: [world.clinic.id], asOf: '2026-02-15' });
    expect(result).toMatchObject({ asOf: '2026-02-15', trialCount: 9, medianDays: null });
    expect(result).toMatchObject({ discontinuedCount: null, survivalSuppressed: true, rateAt90: null });
    expect(result).toMatchObject({ assessedCount: 0, meanPainChange: null });
  });

  it('stays at 100 % when everyone is censored, the rate at a day with 5 at risk not estimable', async () => {
    const result = await report({ clinicIds: [world.clinic.id], startedTo: '2025-12-31' });
    expect(result).toMatchObject({
      trialCount: 5,
      medianDays: null,
      discontinuedCount: 0,
      censoredCount: 5,
      survivalSuppressed: false,
    });
    expect(result.rateAt180).toEqual({ day: 180, rate: null, lower: null, upper: null, atRisk: 5 });
    expect(result.curve).toEqual([{ day: 0, rate: 1, lower: 1, upper: 1, atRisk: 5 }]);
  });

  it('echoes the filter it was computed with', async () => {
    const result = await report({
      startedFrom: '2025-01-01',
      conditions: ['FIBROMYALGIA'],
      prescriberIds: [world.clinician.id],
    });
    expect(result.filter).toEqual({
      startedFrom: '2025-01-01',
      startedTo: null,
      conditions: ['FIBROMYALGIA'],
      clinicIds: [],
      prescriberIds: [world.clinician.id],
    });
    expect(result.trialCount).toBe(10);
  });

  it('breaks continuation down by condition, clinic and prescriber, suppressing groups under 5 patients and what would give them away', async () => {
    const result = await report();
    expect(result).toMatchObject({ trialCount: 15, patientCount: 13 });
    // Clinic B has five trials but three patients: suppressed. Clinic A's 10 trials would tell them
    // (15 − 10), so with two groups a side both are suppressed; clinic A alone is shown further up.
    const hidden = { suppressed: true, trialCount: null, rateAt90: null };
    expect(result.byCondition).toEqual([
      expect.objectContaining({ key: 'FIBROMYALGIA', label: 'Fibromyalgia', ...hidden }),
      expect.objectContaining({ key: 'CRPS', label: 'Complex regional pain syndrome', ...hidden }),
    ]);
    expect(result.byClinic).toEqual([
      expect.objectContaining({ key: world.clinic.id, label: 'Clinic A', ...hidden }),
      expect.objectContaining({ key: world.otherClinic.id, label: 'Clinic B', ...hidden }),
    ]);
    expect(result.byPrescriber).toHaveLength(2);
    expect(result.byPrescriber.every((group) => group.suppressed && group.trialCount === null)).toBe(true);
  });

  it.each([
    ['three patients of one clinic', () => ({ clinicIds: [world.otherClinic.id] })],
    ['one patient', () => ({ prescriberIds: [world.otherClinician.id], startedFrom: '2026-02-01' })],
    ['nobody', () => ({ conditions: ['MULTIPLE_SCLEROSIS'] })],
  ])('suppresses the whole report when the filter leaves %s', async (_, filter) => {
    const result = await report(filter());
    expect(result).toMatchObject({
      suppressed: true,
      minimumGroupSize: 5,
      trialCount: null,
      patientCount: null,
      rateAt90: null,
      medianDays: null,
      curve: [],
      byClinic: [],
      byPrescriber: [],
      byCondition: [],
      discontinuationReasons: [],
      meanPainChange: null,
      adverseEffectRate: null,
    });
  });
});
