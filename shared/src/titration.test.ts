import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './dates.ts';
import { checkDose, type DatedDose } from './dose.ts';
import { planTitration } from './titration.ts';

const on = (date: string, doseMg: number): DatedDose => ({ date, doseMg });

describe('planTitration', () => {
  it('plans the default schedule from 2026-03-01 as §9 shows', () => {
    expect(planTitration({ startDate: '2026-03-01' })).toEqual({
      steps: [on('2026-03-01', 1.5), on('2026-03-15', 3), on('2026-03-29', 4.5)].map(({ date, doseMg }) => ({
        from: date,
        doseMg,
      })),
      targetDoseMg: 4.5,
      targetReachedOn: '2026-03-29',
      assessmentOpensOn: '2026-04-26',
      assessmentDueBy: '2026-05-24',
    });
  });

  it('opens the assessment on day 56 and makes it due on day 84 of the default schedule', () => {
    const plan = planTitration({ startDate: '2026-03-01' });
    expect(daysBetween('2026-03-01', plan.assessmentOpensOn ?? '')).toBe(56);
    expect(daysBetween('2026-03-01', plan.assessmentDueBy ?? '')).toBe(84);
  });

  it('keeps recorded steps and projects the rest', () => {
    const plan = planTitration({ startDate: '2026-03-01', doseChanges: [on('2026-03-15', 3)] });
    expect(plan.steps.map((s) => [s.from, s.doseMg])).toEqual([
      ['2026-03-01', 1.5],
      ['2026-03-15', 3],
      ['2026-03-29', 4.5],
    ]);
  });

  it('treats the same dose recorded again as a hold: no new step, the next one 14 days after it', () => {
    const plan = planTitration({ startDate: '2026-03-01', doseChanges: [on('2026-03-15', 1.5)] });
    expect(plan.steps.map((s) => [s.from, s.doseMg])).toEqual([
      ['2026-03-01', 1.5],
      ['2026-03-29', 3],
      ['2026-04-12', 4.5],
    ]);
    expect(plan.targetReachedOn).toBe('2026-04-12');
  });

  it('projects increases of 1.5 mg capped at the target (2.0 → 3.5 → 4.5)', () => {
    const plan = planTitration({ startDate: '2026-03-01', doseChanges: [on('2026-03-15', 2)] });
    expect(plan.steps.map((s) => s.doseMg)).toEqual([1.5, 2, 3.5, 4.5]);
    expect(plan.steps.map((s) => s.from)).toEqual(['2026-03-01', '2026-03-15', '2026-03-29', '2026-04-12']);
  });

  it('after a step down and a new rise, the target is reached on the new date', () => {
    const plan = planTitration({
      startDate: '2026-03-01',
      doseChanges: [on('2026-03-15', 3), on('2026-03-29', 4.5), on('2026-04-05', 3)],
    });
    expect(plan.steps.map((s) => [s.from, s.doseMg])).toEqual([
      ['2026-03-01', 1.5],
      ['2026-03-15', 3],
      ['2026-03-29', 4.5],
      ['2026-04-05', 3],
      ['2026-04-19', 4.5],
    ]);
    expect(plan.targetReachedOn).toBe('2026-04-19');
    expect(plan.assessmentOpensOn).toBe('2026-05-17');
  });

  it('stops at a maintenance dose below 4.5 mg', () => {
    const plan = planTitration({ startDate: '2026-03-01', maintenanceDoseMg: 3 });
    expect(plan.steps.map((s) => s.doseMg)).toEqual([1.5, 3]);
    expect(plan).toMatchObject({
      targetDoseMg: 3,
      targetReachedOn: '2026-03-15',
      assessmentOpensOn: '2026-04-12',
    });
  });

  it('reaches a 1.5 mg maintenance dose on the start date', () => {
    expect(planTitration({ startDate: '2026-03-01', maintenanceDoseMg: 1.5 })).toMatchObject({
      steps: [{ from: '2026-03-01', doseMg: 1.5 }],
      targetReachedOn: '2026-03-01',
      assessmentOpensOn: '2026-03-29',
      assessmentDueBy: '2026-04-26',
    });
  });

  it('projects no step up above the maintenance dose, and reaches it when the step down is recorded', () => {
    const history = [on('2026-03-15', 3), on('2026-03-29', 4.5)];
    const above = planTitration({ startDate: '2026-03-01', doseChanges: history, maintenanceDoseMg: 3 });
    expect(above.steps).toHaveLength(3);
    expect(above).toMatchObject({ targetReachedOn: null, assessmentOpensOn: null, assessmentDueBy: null });

    const steppedDown = planTitration({
      startDate: '2026-03-01',
      doseChanges: [...history, on('2026-04-10', 3)],
      maintenanceDoseMg: 3,
    });
    expect(steppedDown).toMatchObject({ targetReachedOn: '2026-04-10', assessmentOpensOn: '2026-05-08' });
  });

  it.each([
    ['dated on the start', [on('2026-03-01', 3)]],
    ['dated before the start', [on('2026-02-20', 3)]],
    ['out of order', [on('2026-03-29', 4.5), on('2026-03-15', 3)]],
    ['two on the same day', [on('2026-03-15', 3), on('2026-03-15', 3)]],
    ['with a dose above the maximum', [on('2026-03-15', 6)]],
  ])('refuses dose changes %s (INVALID_DOSE_HISTORY)', (_, doseChanges) => {
    expect(() => planTitration({ startDate: '2026-03-01', doseChanges })).toThrow(
      expect.objectContaining({ code: 'INVALID_DOSE_HISTORY' }),
    );
  });

  it.each([5, 2.25, 0])('refuses a maintenance dose of %s mg that fails checkDose (INVALID_DOSE)', (dose) => {
    expect(() => planTitration({ startDate: '2026-03-01', maintenanceDoseMg: dose })).toThrow(
      expect.objectContaining({ code: 'INVALID_DOSE' }),
    );
  });

  it('refuses a start date that is not a calendar date', () => {
    expect(() => planTitration({ startDate: '2026-02-30' })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});

/** A random, valid dose history: increasing dates after the start, valid doses. */
const historyArbitrary = fc
  .record({
    gaps: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 8 }),
    halves: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 8, maxLength: 8 }),
    maintenanceHalves: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
  })
  .map(({ gaps, halves, maintenanceHalves }) => {
    const startDate = '2026-03-01';
    let offset = 0;
    const doseChanges = gaps.map((gap, index) => {
      offset += gap;
      return { date: addDays(startDate, offset), doseMg: (halves[index] ?? 3) / 2 };
    });
    return {
      startDate,
      doseChanges,
      maintenanceDoseMg: maintenanceHalves === undefined ? undefined : maintenanceHalves / 2,
    };
  });

describe('planTitration properties', () => {
  it('never plans a dose above 4.5 mg or the maintenance dose, and every dose passes checkDose', () => {
    fc.assert(
      fc.property(historyArbitrary, (input) => {
        const plan = planTitration(input);
        const lastChange = input.doseChanges.at(-1)?.date ?? input.startDate;
        for (const step of plan.steps) {
          expect(checkDose(step.doseMg)).toEqual([]);
          if (daysBetween(lastChange, step.from) > 0)
            expect(step.doseMg).toBeLessThanOrEqual(plan.targetDoseMg);
        }
        expect(plan.targetDoseMg).toBeLessThanOrEqual(4.5);
      }),
    );
  });

  it('projects steps at least 14 days apart and at most 1.5 mg up', () => {
    fc.assert(
      fc.property(historyArbitrary, (input) => {
        const plan = planTitration(input);
        const lastChange = input.doseChanges.at(-1)?.date ?? input.startDate;
        const projected = plan.steps.filter((step) => daysBetween(lastChange, step.from) > 0);
        let previous = plan.steps[plan.steps.length - projected.length - 1];
        for (const step of projected) {
          if (previous === undefined) throw new Error('a projected step needs a previous one');
          expect(daysBetween(previous.from, step.from)).toBeGreaterThanOrEqual(14);
          expect(step.doseMg - previous.doseMg).toBeGreaterThan(0);
          expect(step.doseMg - previous.doseMg).toBeLessThanOrEqual(1.5);
          previous = step;
        }
      }),
    );
  });

  it('moves the target date only later when a hold or a step down is added', () => {
    fc.assert(
      fc.property(historyArbitrary, fc.integer({ min: 1, max: 30 }), fc.boolean(), (input, gap, stepDown) => {
        const maintenanceDoseMg = undefined;
        const before = planTitration({ ...input, maintenanceDoseMg });
        const last = input.doseChanges.at(-1) ?? { date: input.startDate, doseMg: 1.5 };
        const currentDose =
          before.steps.filter((s) => daysBetween(s.from, last.date) >= 0).at(-1)?.doseMg ?? 1.5;
        const doseMg = stepDown && currentDose > 1.5 ? Math.max(0.5, currentDose - 1.5) : currentDose;
        const after = planTitration({
          ...input,
          maintenanceDoseMg,
          doseChanges: [...input.doseChanges, { date: addDays(last.date, gap), doseMg }],
        });
        if (before.targetReachedOn !== null && after.targetReachedOn !== null) {
          expect(daysBetween(before.targetReachedOn, after.targetReachedOn)).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
