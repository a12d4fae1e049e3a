import { describe, expect, it } from 'vitest';
import {
  canOrderFor,
  formProblems,
  newOrderForm,
  type OrderFormSource,
  orderFormOf,
  orderInputOf,
  previewOrder,
  scheduleOf,
} from './order-form.ts';

/** A trial that started on a date, with its recorded dose changes. */
function aTrialStartedOn(startDate: string, overrides: Partial<OrderFormSource> = {}): OrderFormSource {
  return {
    state: 'TITRATING',
    startDate,
    maintenanceDoseMg: null,
    doseChanges: [],
    patient: {
      addressLine1: '12 Elm Street',
      addressLine2: null,
      city: 'Springfield',
      region: 'OR',
      postalCode: '97477',
    },
    ...overrides,
  };
}

const linesOf = (preview: ReturnType<typeof previewOrder>) =>
  preview.status === 'incomplete' ? [] : preview.draft.lines.map((line) => [line.doseMg, line.daysSupply]);

describe('the order form preview (rules package)', () => {
  it('previews a titration pack from the start: 14 nights 1.5 mg, 14 nights 3.0 mg, then 4.5 mg', () => {
    const trial = aTrialStartedOn('2026-03-01');
    const preview = previewOrder(newOrderForm(trial, '2026-03-01'), scheduleOf(trial));
    expect(preview.status).toBe('ready');
    expect(linesOf(preview)).toEqual([
      [1.5, 14],
      [3, 14],
      [4.5, 30],
    ]);
    expect(preview.status !== 'incomplete' && preview.draft.lines[0]?.directions).toBe(
      'Take one 1.5 mg capsule by mouth at bedtime for 14 nights',
    );
  });

  it('starts a pack on the first night asked for, covering only what is left of the step', () => {
    const trial = aTrialStartedOn('2026-03-01');
    const values = { ...newOrderForm(trial, '2026-03-06'), daysSupply: '28' };
    expect(values.fromDate).toBe('2026-03-06');
    expect(linesOf(previewOrder(values, scheduleOf(trial)))).toEqual([
      [1.5, 9],
      [3, 14],
      [4.5, 28],
    ]);
  });

  it('follows the recorded schedule: a maintenance dose is the pack’s last line', () => {
    const trial = aTrialStartedOn('2026-03-01', {
      doseChanges: [{ changedOn: '2026-03-15', doseMg: 3 }],
      maintenanceDoseMg: 3,
    });
    const preview = previewOrder(newOrderForm(trial, '2026-03-20'), scheduleOf(trial));
    expect(linesOf(preview)).toEqual([[3, 30]]);
  });

  it('leaves a dose change entered in error out of the schedule (workflows.md, corrections)', () => {
    const trial = aTrialStartedOn('2026-03-01', {
      doseChanges: [
        { changedOn: '2026-03-15', doseMg: 3, enteredInError: false },
        { changedOn: '2026-03-29', doseMg: 4.5, enteredInError: true },
      ],
    });
    expect(scheduleOf(trial).doseChanges).toEqual([{ date: '2026-03-15', doseMg: 3 }]);
  });

  it.each([
    ['4.5', 'ready', []],
    ['5', 'refused', ['DOSE_ABOVE_MAXIMUM']],
    ['45', 'refused', ['DOSE_ABOVE_MAXIMUM']],
    ['50', 'refused', ['DOSE_ABOVE_MAXIMUM']],
    ['1.25', 'refused', ['DOSE_INVALID']],
  ])('a single strength of %s mg is %s', (doseMg, status, codes) => {
    const trial = aTrialStartedOn('2026-03-01');
    const values = { ...newOrderForm(trial, '2026-03-01'), kind: 'SINGLE_STRENGTH' as const, doseMg };
    const preview = previewOrder(values, scheduleOf(trial));
    expect(preview.status).toBe(status);
    expect(preview.status === 'incomplete' ? [] : preview.draft.findings.map((f) => f.code)).toEqual(codes);
  });

  it('explains a 5.0 mg single strength with the 4.5 mg maximum', () => {
    const trial = aTrialStartedOn('2026-03-01');
    const values = { ...newOrderForm(trial, '2026-03-01'), kind: 'SINGLE_STRENGTH' as const, doseMg: '5.0' };
    const preview = previewOrder(values, scheduleOf(trial));
    expect(preview.status === 'refused' && preview.draft.findings[0]?.message).toBe(
      'The nightly dose is above the 4.5 mg LDN maximum. 5 mg was prescribed; the maximum is 4.5 mg.',
    );
  });

  it('gives liquids their volume per night, and says when a strength cannot be measured', () => {
    const trial = aTrialStartedOn('2026-03-01');
    const liquid = {
      ...newOrderForm(trial, '2026-03-01'),
      kind: 'SINGLE_STRENGTH' as const,
      formulation: 'ORAL_SOLUTION' as const,
      doseMg: '4.5',
    };
    const ready = previewOrder(liquid, scheduleOf(trial));
    expect(ready.status === 'ready' && ready.draft.lines[0]?.directions).toBe(
      'Take 4.5 mL (4.5 mg) by mouth at bedtime',
    );
    const odd = previewOrder({ ...liquid, liquidStrengthMgPerMl: '0.7' }, scheduleOf(trial));
    expect(odd).toMatchObject({ status: 'incomplete', problem: expect.stringContaining('not a measurable') });
  });

  it.each([
    ['daysSupply', '0', 'Days’ supply'],
    ['daysSupply', '121', 'Days’ supply'],
    ['fromDate', '', 'first night'],
  ] as const)('asks for a valid %s (%s) before previewing', (field, value, problem) => {
    const trial = aTrialStartedOn('2026-03-01');
    const preview = previewOrder({ ...newOrderForm(trial, '2026-03-01'), [field]: value }, scheduleOf(trial));
    expect(preview).toMatchObject({ status: 'incomplete', problem: expect.stringContaining(problem) });
  });
});

describe('the order form defaults and input', () => {
  it('defaults to the later of today and the start, shipped to the patient’s address', () => {
    const trial = aTrialStartedOn('2026-03-10');
    const values = newOrderForm(trial, '2026-03-01');
    expect(values).toMatchObject({
      kind: 'TITRATION_PACK',
      fromDate: '2026-03-10',
      pharmacyId: '',
      delivery: 'SHIP',
      shipTo: { line1: '12 Elm Street', city: 'Springfield', postalCode: '97477' },
    });
    expect(newOrderForm({ ...trial, state: 'CONTINUING' }, '2026-06-01').kind).toBe('SINGLE_STRENGTH');
  });

  it('sends only what applies: no dose for a pack, no liquid fields for capsules, the default pharmacy by omission', () => {
    const values = newOrderForm(aTrialStartedOn('2026-03-01'), '2026-03-01');
    expect(orderInputOf(values)).toEqual({
      kind: 'TITRATION_PACK',
      formulation: 'CAPSULE',
      daysSupply: 30,
      fromDate: '2026-03-01',
      refills: 0,
      payment: 'SELF_PAY',
      delivery: 'SHIP',
      shipTo: { line1: '12 Elm Street', city: 'Springfield', region: 'OR', postalCode: '97477' },
    });
  });

  it('sends a single strength’s dose, a liquid’s strength and vehicle, and no address for a pick-up', () => {
    const values = {
      ...newOrderForm(aTrialStartedOn('2026-03-01'), '2026-03-01'),
      kind: 'SINGLE_STRENGTH' as const,
      formulation: 'SUBLINGUAL_DROPS' as const,
      doseMg: '3',
      liquidStrengthMgPerMl: '2',
      vehicle: 'NON_AQUEOUS' as const,
      delivery: 'PICKUP' as const,
      pharmacyId: 'pharmacy-2',
      excipientNotes: ' no slow-release filler ',
    };
    expect(orderInputOf(values)).toMatchObject({
      doseMg: 3,
      liquidStrengthMgPerMl: 2,
      vehicle: 'NON_AQUEOUS',
      pharmacyId: 'pharmacy-2',
      excipientNotes: 'no slow-release filler',
      delivery: 'PICKUP',
    });
    expect(orderInputOf(values)).not.toHaveProperty('shipTo');
  });

  it('needs an address to ship to and refills from 0 to 11', () => {
    const values = newOrderForm(aTrialStartedOn('2026-03-01'), '2026-03-01');
    expect(formProblems(values)).toEqual([]);
    expect(formProblems({ ...values, refills: '12', shipTo: { ...values.shipTo, city: ' ' } })).toEqual([
      'Refills are a whole number from 0 to 11.',
      'A shipped order needs an address: line 1, city and postal code.',
    ]);
    expect(formProblems({ ...values, delivery: 'PICKUP', shipTo: { ...values.shipTo, city: '' } })).toEqual(
      [],
    );
  });

  it('reads a saved pack back: its target line’s nights and its first night', () => {
    const defaults = newOrderForm(aTrialStartedOn('2026-03-01'), '2026-03-05');
    const values = orderFormOf(
      {
        kind: 'TITRATION_PACK',
        formulation: 'CAPSULE',
        liquidStrengthMgPerMl: null,
        vehicle: null,
        pharmacyId: 'pharmacy-1',
        refills: 2,
        excipientNotes: null,
        payment: 'INSURANCE',
        insuranceNote: 'Plan 42',
        delivery: 'PICKUP',
        shipToLine1: null,
        shipToLine2: null,
        shipToCity: null,
        shipToRegion: null,
        shipToPostal: null,
        needBy: '2026-03-03',
        totalDaysSupply: 58,
        lines: [
          { nightlyDoseMg: 1.5, daysSupply: 14, startsOn: '2026-03-01' },
          { nightlyDoseMg: 3, daysSupply: 14, startsOn: '2026-03-15' },
          { nightlyDoseMg: 4.5, daysSupply: 30, startsOn: '2026-03-29' },
        ],
      },
      defaults,
    );
    expect(values).toMatchObject({
      daysSupply: '30',
      fromDate: '2026-03-01',
      needBy: '2026-03-03',
      refills: '2',
      pharmacyId: 'pharmacy-1',
      payment: 'INSURANCE',
      insuranceNote: 'Plan 42',
      delivery: 'PICKUP',
      shipTo: defaults.shipTo,
    });
  });

  it.each([
    ['TITRATING', true],
    ['CONTINUING', true],
    ['ON_HOLD', false],
    ['SCREENING', false],
    ['DISCONTINUED', false],
  ])('orders for a trial that is %s: %s', (state, allowed) => {
    expect(canOrderFor(state)).toBe(allowed);
  });
});
