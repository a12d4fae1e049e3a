import type { Condition, Database, DiscontinuationReason, ResponseClass } from '@ldn/db';
import { createTestDatabase } from '@ldn/db/testing';
import {
  addDays,
  CONTINUATION_REPORT_DAYS,
  continuation,
  continuationFromCounts,
  type TrialSpan,
} from '@ldn/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbDate } from '../graphql/scalars.ts';
import { anOrganisation, aPerson, repositoriesAs } from '../test/builders.ts';
import { someTrials, type TrialSpec } from './analytics.builders.ts';
import { BREAKDOWN_HORIZON } from './continuation-breakdown.ts';
import { type DayCountRow, type Dimension, type ReportCohort, reportCounts } from './continuation-queries.ts';
import { continuationReport } from './continuation-report.ts';
import { MINIMUM_GROUP_PATIENTS } from './suppression.ts';

// The report's aggregates, as the database computes them in one pass, against a reference worked
// out here trial by trial from what was written, with the rules package's per-trial Kaplan–Meier
// (`continuation`) — on a seeded cohort with ties (a few start dates and durations), censorings
// (ongoing, or stopping after the report date), trials starting after it, trials entered in
// error, patients with several trials (in different groups), several assessments per trial,
// adverse effects before and after the report date, and groups small enough to be suppressed.

const AS_OF = '2026-06-30';
const STARTS = [
  '2025-06-01',
  '2025-09-15',
  '2025-12-01',
  '2026-01-01',
  '2026-03-01',
  '2026-04-20',
  '2026-07-10',
];
const DURATIONS = [10, 30, 30, 60, 90, 90, 123, 150, 180, 181, 200, 300, 400];
const CONDITIONS: Condition[] = ['FIBROMYALGIA', 'FIBROMYALGIA', 'CRPS', 'MULTIPLE_SCLEROSIS'];
const REASONS: DiscontinuationReason[] = ['INEFFECTIVE', 'ADVERSE_EFFECTS', 'PATIENT_CHOICE', 'OTHER'];
const CLASSES: ResponseClass[] = ['NONE', 'MINIMAL', 'MEANINGFUL', 'SUBSTANTIAL'];

/** A small seeded generator (LCG): the same cohort on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Made extends TrialSpec {
  id: string;
  patient: number;
  voided: boolean;
  /** Assessments besides the builder's one, each on a later day. */
  later: { assessedOn: string; meanScore: number; responseClass: ResponseClass }[];
}

const inCohort = (trial: Made, cohort: ReportCohort) =>
  !trial.voided &&
  trial.startDate <= cohort.asOf &&
  (cohort.startedFrom === null || trial.startDate >= cohort.startedFrom) &&
  (cohort.startedTo === null || trial.startDate <= cohort.startedTo) &&
  (cohort.conditions.length === 0 || cohort.conditions.includes(trial.condition ?? '')) &&
  (cohort.clinicIds.length === 0 || cohort.clinicIds.includes(trial.clinicId)) &&
  (cohort.prescriberIds.length === 0 || cohort.prescriberIds.includes(trial.prescriberId));

const stoppedBy = (asOf: string) => (trial: Made) => trial.endedOn !== undefined && trial.endedOn <= asOf;
/** A trial as the rules package's per-trial Kaplan–Meier reads it on the report date. */
const spanAt =
  (asOf: string) =>
  (trial: Made): TrialSpan =>
    stoppedBy(asOf)(trial)
      ? { startDate: trial.startDate, endDate: trial.endedOn }
      : { startDate: trial.startDate };

const keyOf = (trial: Made, dimension: Dimension) =>
  dimension === 'ALL'
    ? ''
    : dimension === 'CONDITION'
      ? (trial.condition ?? '')
      : dimension === 'CLINIC'
        ? trial.clinicId
        : trial.prescriberId;

function groupsOf(trials: readonly Made[], dimension: Dimension): Map<string, Made[]> {
  const groups = new Map<string, Made[]>();
  for (const trial of trials) {
    const key = keyOf(trial, dimension);
    groups.set(key, [...(groups.get(key) ?? []), trial]);
  }
  return groups;
}

const patients = (trials: readonly Made[]) => new Set(trials.map((trial) => trial.patient)).size;
const sorted = <T>(rows: T[]) => rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The latest assessment of a trial on or before the report date, as the report reads it. */
function latestAssessment(trial: Made, asOf: string) {
  return [...(trial.assessment === undefined ? [] : [trial.assessment]), ...trial.later]
    .filter((assessment) => assessment.assessedOn <= asOf)
    .sort((a, b) => b.assessedOn.localeCompare(a.assessedOn))[0];
}

describe('the continuation counts, against the per-trial reference', () => {
  let db: Database;
  let trials: Made[];
  let cohorts: [string, ReportCohort][];
  const base: ReportCohort = {
    asOf: AS_OF,
    startedFrom: null,
    startedTo: null,
    conditions: [],
    clinicIds: [],
    prescriberIds: [],
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const clinics = await Promise.all([1, 2, 3].map(() => anOrganisation(db.prisma, 'CLINIC')));
    // Clinic 3 has one prescriber with a handful of trials: suppressed wherever it is shown.
    const prescribers = await Promise.all(
      [0, 0, 1, 1, 2].map(async (clinic) => ({
        clinicId: clinics[clinic]?.id ?? '',
        prescriberId: (await aPerson(db.prisma, clinics[clinic]?.id ?? '', 'CLINICIAN')).id,
      })),
    );
    const random = seeded(16);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    trials = [];
    for (let i = 0; i < 400; i += 1) {
      const repeat = i > 10 && random() < 0.15 ? trials[Math.floor(random() * i)] : undefined;
      const who =
        repeat !== undefined
          ? pick(prescribers.filter((p) => p.clinicId === repeat.clinicId))
          : i % 80 === 0
            ? (prescribers[4] as (typeof prescribers)[number])
            : pick(prescribers.slice(0, 4));
      const startDate = pick(STARTS);
      const ends = random() < 0.6;
      const assessedOn = addDays(startDate, 56 + Math.floor(random() * 3) * 7);
      const assessed = random() < 0.6;
      trials.push({
        id: '',
        ...who,
        patient: repeat?.patient ?? i,
        ...(repeat === undefined ? {} : { samePatientAs: trials.indexOf(repeat) }),
        condition: i % 97 === 5 ? 'CROHNS_DISEASE' : pick(CONDITIONS),
        startDate,
        ...(ends ? { endedOn: addDays(startDate, pick(DURATIONS)), reason: pick(REASONS) } : {}),
        baselineScore: 5 + Math.floor(random() * 5),
        voided: random() < 0.04,
        ...(assessed
          ? {
              assessment: {
                assessedOn,
                meanScore: Math.floor(random() * 80) / 10,
                responseClass: pick(CLASSES),
              },
            }
          : {}),
        later:
          assessed && random() < 0.3
            ? [{ assessedOn: addDays(assessedOn, 30), meanScore: 3.5, responseClass: pick(CLASSES) }]
            : [],
        adverseEffects: random() < 0.3 ? [{ onsetOn: addDays(startDate, pick([3, 20, 400])) }] : [],
      });
    }
    const ids = await someTrials(db.prisma, trials);
    trials.forEach((trial, index) => {
      trial.id = ids[index] ?? '';
    });
    await db.prisma.assessment.createMany({
      data: trials.flatMap((trial) =>
        trial.later.map((later) => ({
          trialId: trial.id,
          assessedOn: dbDate(later.assessedOn),
          baselineScore: trial.baselineScore ?? 7,
          meanScore: later.meanScore,
          relativeReduction: 0,
          responseClass: later.responseClass,
          decision: 'CONTINUE' as const,
          assessedById: trial.prescriberId,
        })),
      ),
    });
    const voided = trials.filter((trial) => trial.voided);
    for (const trial of voided) {
      await db.prisma.trial.update({
        where: { id: trial.id },
        data: {
          enteredInErrorAt: new Date(`${trial.startDate}T12:00:00Z`),
          enteredInErrorById: trial.prescriberId,
          enteredInErrorReason: 'Started for the wrong patient',
        },
      });
    }
    const [first, second] = prescribers;
    cohorts = [
      ['the whole network', base],
      ['one condition', { ...base, conditions: ['CRPS'] }],
      ['two clinics', { ...base, clinicIds: [clinics[0]?.id ?? '', clinics[2]?.id ?? ''] }],
      [
        'two prescribers',
        { ...base, prescriberIds: [first?.prescriberId ?? '', second?.prescriberId ?? ''] },
      ],
      ['a start period', { ...base, startedFrom: '2025-09-15', startedTo: '2026-03-01' }],
      ['an earlier report date', { ...base, asOf: '2026-02-01' }],
    ];
  });
  afterAll(async () => {
    await db?.close();
  });

  it('generated what the comparison needs', () => {
    const patientsWithSeveral = trials.length - patients(trials);
    expect(patientsWithSeveral).toBeGreaterThan(20);
    expect(trials.filter((trial) => trial.voided).length).toBeGreaterThan(5);
    expect(trials.filter((trial) => trial.startDate > AS_OF).length).toBeGreaterThan(20);
    expect(trials.filter((trial) => trial.later.length > 0).length).toBeGreaterThan(20);
  });

  it('counts trials, distinct patients and day counts per group exactly as the per-trial reference', async () => {
    for (const [, cohort] of cohorts) {
      const shown = trials.filter((trial) => inCohort(trial, cohort));
      const asOfDiscontinued = stoppedBy(cohort.asOf);
      const spanAsOf = spanAt(cohort.asOf);
      const counts = await reportCounts(db.prisma, cohort, BREAKDOWN_HORIZON);
      const expectedSizes = (['ALL', 'CONDITION', 'CLINIC', 'PRESCRIBER'] as const).flatMap((dimension) =>
        [...groupsOf(shown, dimension)].map(([key, group]) => ({
          dimension,
          key,
          trials: group.length,
          patients: patients(group),
          discontinuedPatients: patients(group.filter(asOfDiscontinued)),
          censoredPatients: patients(group.filter((trial) => !asOfDiscontinued(trial))),
        })),
      );
      expect(sorted(counts.sizes)).toEqual(sorted(expectedSizes));

      const whole = continuationFromCounts(counts.days);
      const reference = continuation(shown.map(spanAsOf), cohort.asOf);
      expect(whole.lifeTable).toEqual(reference.lifeTable);
      expect(whole.medianDays).toBe(reference.medianDays);

      for (const dimension of ['CONDITION', 'CLINIC', 'PRESCRIBER'] as const) {
        for (const [key, group] of groupsOf(shown, dimension)) {
          const rows = counts.horizonDays.filter(
            (row: DayCountRow) => row.dimension === dimension && row.key === key,
          );
          const cut = continuationFromCounts(rows);
          const full = continuation(group.map(spanAsOf), cohort.asOf);
          // Cut at the horizon: the same up to it, every trial followed longer censored the day after.
          expect(cut.trialCount).toBe(full.trialCount);
          for (let day = 0; day <= BREAKDOWN_HORIZON; day += 1) {
            expect([day, cut.rateAt(day)]).toEqual([day, full.rateAt(day)]);
            expect([day, cut.atRiskAt(day)]).toEqual([day, full.atRiskAt(day)]);
          }
          expect(cut.atRiskAt(BREAKDOWN_HORIZON + 1)).toBe(full.atRiskAt(BREAKDOWN_HORIZON + 1));
        }
      }
    }
  });

  it('counts the outcomes per cell, in trials and distinct patients, exactly as the reference', async () => {
    for (const [, cohort] of cohorts) {
      const shown = trials.filter((trial) => inCohort(trial, cohort));
      const rows = (await reportCounts(db.prisma, cohort, BREAKDOWN_HORIZON)).outcomes;
      const outcome = shown.map((trial) => {
        const latest = latestAssessment(trial, cohort.asOf);
        const stopped = stoppedBy(cohort.asOf)(trial);
        return {
          trial,
          REASON: stopped ? (trial.reason ?? null) : null,
          RESPONSE_CLASS: latest?.responseClass ?? null,
          ADVERSE_EFFECT: String(
            (trial.adverseEffects ?? []).some((effect) => effect.onsetOn <= cohort.asOf),
          ),
          painChange: latest === undefined ? null : latest.meanScore - (trial.baselineScore ?? 7),
        };
      });
      type Cell = (typeof outcome)[number];
      const cell = (dimension: string, key: string | null, members: Cell[]) => {
        const assessed = members.filter((member) => member.painChange !== null);
        const change = assessed.reduce((sum, member) => sum + (member.painChange ?? 0), 0);
        return {
          dimension,
          key,
          trials: members.length,
          patients: patients(members.map((member) => member.trial)),
          assessedTrials: assessed.length,
          assessedPatients: patients(assessed.map((member) => member.trial)),
          meanPainChange: assessed.length === 0 ? null : Number((change / assessed.length).toFixed(6)),
        };
      };
      const expected = [
        ...(outcome.length === 0 ? [] : [cell('ALL', null, outcome)]),
        ...(['REASON', 'RESPONSE_CLASS', 'ADVERSE_EFFECT'] as const).flatMap((dimension) =>
          [...new Set(outcome.map((member) => member[dimension]))].map((key) =>
            cell(
              dimension,
              key,
              outcome.filter((member) => member[dimension] === key),
            ),
          ),
        ),
      ];
      const rounded = rows.map((row) => ({
        ...row,
        meanPainChange: row.meanPainChange === null ? null : Number(row.meanPainChange.toFixed(6)),
      }));
      expect(sorted(rounded)).toEqual(sorted(expected));
    }
  });

  it('reports the per-trial Kaplan–Meier figures, and suppresses the small groups', async () => {
    const scope = repositoriesAs(
      db.prisma,
      '00000000-0000-4000-8000-000000000000',
      'NETWORK',
      'ADMIN',
    ).analytics();
    for (const [, cohort] of cohorts) {
      const shown = trials.filter((trial) => inCohort(trial, cohort));
      const span = spanAt(cohort.asOf);
      const report = await continuationReport(scope, cohort, new Date());
      const reference = continuation(shown.map(span), cohort.asOf);
      expect(report).toMatchObject({
        suppressed: false,
        trialCount: shown.length,
        patientCount: patients(shown),
      });
      if (!report.survivalSuppressed) {
        expect(report.medianDays).toBe(reference.medianDays);
        const rates = [report.rateAt90, report.rateAt123, report.rateAt180];
        CONTINUATION_REPORT_DAYS.forEach((day, index) => {
          const rate = rates[index];
          expect(rate?.atRisk).toBe(reference.atRiskAt(day));
          if (rate?.rate != null) expect(rate.rate).toBeCloseTo(reference.rateAt(day) ?? Number.NaN, 12);
        });
        expect(report.curve.map(({ day, rate }) => [day, Number(rate.toFixed(12))])).toEqual(
          reference.curve
            .filter((point) => reference.atRiskAt(point.day) >= MINIMUM_GROUP_PATIENTS)
            .map(({ day, rate }) => [day, Number(rate.toFixed(12))]),
        );
      }
      for (const [dimension, groups] of [
        ['CONDITION', report.byCondition],
        ['CLINIC', report.byClinic],
        ['PRESCRIBER', report.byPrescriber],
      ] as const) {
        const expected = groupsOf(shown, dimension);
        expect(groups.map((group) => group.key).sort()).toEqual([...expected.keys()].sort());
        for (const group of groups) {
          const members = expected.get(group.key) ?? [];
          if (patients(members) < MINIMUM_GROUP_PATIENTS) expect(group.suppressed).toBe(true);
          if (group.suppressed) continue;
          expect([group.key, group.trialCount, group.patientCount]).toEqual([
            group.key,
            members.length,
            patients(members),
          ]);
          if (group.survivalSuppressed) continue;
          const own = continuation(members.map(span), cohort.asOf);
          expect([group.key, group.medianDays]).toEqual([group.key, own.medianDays]);
          expect([group.key, group.rateAt90?.atRisk]).toEqual([group.key, own.atRiskAt(90)]);
          if (group.rateAt90?.rate != null)
            expect(group.rateAt90.rate).toBeCloseTo(own.rateAt(90) ?? Number.NaN, 12);
        }
      }
    }
  });
});
