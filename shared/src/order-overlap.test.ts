import { describe, expect, it } from 'vitest';
import { checkOrderOverlap, dispensedSupply, firstNightOf, type TrialOrderSupply } from './order-overlap.ts';
import { ORDER_STATES, type OrderState } from './vocabulary.ts';

/** A dispensed single-strength order: `daysSupply` nights, dispensed on `dispensedOn`. */
const dispensed = (
  dispensedOn: string,
  daysSupply: number,
  startsOn: string | null = null,
): TrialOrderSupply => ({
  state: 'DISPENSED',
  dispensedOn,
  lines: [{ daysSupply, startsOn }],
});
const anOrder = (state: OrderState): TrialOrderSupply => ({
  state,
  dispensedOn: null,
  lines: [{ daysSupply: 30, startsOn: '2026-03-01' }],
});
const codes = (startsOn: string, orders: TrialOrderSupply[]) =>
  checkOrderOverlap({ startsOn, orders }).map((finding) => finding.code);

describe('firstNightOf', () => {
  it('is the earliest line start, whatever the lines’ order', () => {
    expect(firstNightOf([{ startsOn: '2026-03-15' }, { startsOn: null }, { startsOn: '2026-03-01' }])).toBe(
      '2026-03-01',
    );
  });

  it('is null when no line says when it starts', () => {
    expect(firstNightOf([{ startsOn: null }])).toBeNull();
    expect(firstNightOf([])).toBeNull();
  });
});

describe('dispensedSupply', () => {
  it('covers the days’ supply from the dispensed date: 30 nights from 03-01 last through 03-30', () => {
    expect(dispensedSupply(dispensed('2026-03-01', 30))).toEqual({
      firstNight: '2026-03-01',
      lastNight: '2026-03-30',
    });
  });

  it('starts a pack dispensed before the trial starts on its first line’s night', () => {
    const pack: TrialOrderSupply = {
      state: 'DISPENSED',
      dispensedOn: '2026-02-25',
      lines: [
        { daysSupply: 14, startsOn: '2026-03-15' },
        { daysSupply: 14, startsOn: '2026-03-01' },
      ],
    };
    expect(dispensedSupply(pack)).toEqual({ firstNight: '2026-03-01', lastNight: '2026-03-28' });
  });

  it('starts supply dispensed after its planned first night on the dispensed date', () => {
    expect(dispensedSupply(dispensed('2026-03-05', 10, '2026-03-01'))).toEqual({
      firstNight: '2026-03-05',
      lastNight: '2026-03-14',
    });
  });

  it.each(ORDER_STATES.filter((state) => state !== 'DISPENSED'))(
    'counts no supply for a %s order',
    (state) => {
      expect(dispensedSupply({ ...dispensed('2026-03-01', 30), state })).toBeNull();
    },
  );
});

describe('checkOrderOverlap', () => {
  it('finds nothing for a trial without orders', () => {
    expect(checkOrderOverlap({ startsOn: '2026-03-01', orders: [] })).toEqual([]);
  });

  it.each([
    ['2026-03-30', ['ORDER_OVERLAPS_SUPPLY']],
    ['2026-03-31', []],
    ['2026-03-15', ['ORDER_OVERLAPS_SUPPLY']],
    ['2026-02-20', ['ORDER_OVERLAPS_SUPPLY']],
  ] as const)('supply through 03-30 and a new order from %s: %j', (startsOn, expected) => {
    expect(codes(startsOn, [dispensed('2026-03-01', 30)])).toEqual(expected);
  });

  it('says how long the latest overlapping supply lasts, as a soft stop', () => {
    const [found] = checkOrderOverlap({
      startsOn: '2026-03-20',
      orders: [dispensed('2026-03-01', 30), dispensed('2026-02-01', 60)],
    });
    expect(found).toMatchObject({ code: 'ORDER_OVERLAPS_SUPPLY', severity: 'SOFT_STOP', evidence: [] });
    expect(found?.message).toContain('lasts through 2026-04-01; this order starts on 2026-03-20');
  });

  it.each(['DRAFT', 'SUBMITTED', 'RECEIVED', 'COMPOUNDING', 'READY', 'ON_HOLD'] as const)(
    'finds an open %s order of the trial',
    (state) => {
      const found = checkOrderOverlap({ startsOn: '2026-06-01', orders: [anOrder(state)] });
      expect(found).toEqual([expect.objectContaining({ code: 'ORDER_ALREADY_OPEN', severity: 'SOFT_STOP' })]);
      expect(found[0]?.message).toContain(`1 open order: ${state.toLowerCase().replace('_', ' ')}.`);
    },
  );

  it.each(['CANCELLED', 'REJECTED'] as const)('never counts a %s order', (state) => {
    expect(codes('2026-03-10', [{ ...dispensed('2026-03-01', 30), state }])).toEqual([]);
  });

  it('finds both an open order and overlapping supply at once', () => {
    expect(
      codes('2026-03-10', [anOrder('SUBMITTED'), anOrder('DRAFT'), dispensed('2026-03-01', 30)]),
    ).toEqual(['ORDER_ALREADY_OPEN', 'ORDER_OVERLAPS_SUPPLY']);
    expect(
      checkOrderOverlap({ startsOn: '2026-03-10', orders: [anOrder('SUBMITTED'), anOrder('DRAFT')] })[0]
        ?.message,
    ).toContain('2 open orders: submitted, draft.');
  });

  it('refuses a first night that is not a calendar date', () => {
    expect(() => checkOrderOverlap({ startsOn: '2026-02-30', orders: [] })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});
