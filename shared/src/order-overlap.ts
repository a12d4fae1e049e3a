import { assertIsoDate, compareDates, type IsoDate, laterOf } from './dates.ts';
import { finding, type RuleFinding } from './findings.ts';
import { supplyRunsOutOn } from './orders.ts';
import { OPEN_ORDER_STATES, type OrderState } from './vocabulary.ts';

/** An order of the trial as the overlap check reads it: its state, dispensed date and lines. */
export interface TrialOrderSupply {
  state: OrderState;
  /** The day the pharmacy dispensed it; null until DISPENSED. */
  dispensedOn: IsoDate | null;
  lines: ReadonlyArray<{ daysSupply: number; startsOn: IsoDate | null }>;
}

/** The first and last nights a dispensed order's supply covers. */
export interface SupplyNights {
  firstNight: IsoDate;
  lastNight: IsoDate;
}

/** The first night an order's lines cover (the earliest line start), or null when none says. */
export function firstNightOf(lines: ReadonlyArray<{ startsOn: IsoDate | null }>): IsoDate | null {
  const starts = lines.flatMap((line) => (line.startsOn === null ? [] : [line.startsOn]));
  return starts.sort(compareDates)[0] ?? null;
}

/**
 * The nights a dispensed order covers, or null when it was not dispensed. The supply starts on
 * the later of the dispensed date and its first line's start (a pack sent before the trial starts
 * is taken from the start), and lasts its lines' days' supply together.
 */
export function dispensedSupply(order: TrialOrderSupply): SupplyNights | null {
  if (order.state !== 'DISPENSED' || order.dispensedOn === null) return null;
  const daysSupply = order.lines.reduce((sum, line) => sum + line.daysSupply, 0);
  if (daysSupply <= 0) return null;
  const firstLineStart = firstNightOf(order.lines);
  const firstNight = firstLineStart === null ? order.dispensedOn : laterOf(order.dispensedOn, firstLineStart);
  return { firstNight, lastNight: supplyRunsOutOn(firstNight, daysSupply) };
}

const listed = (states: readonly OrderState[]) =>
  states.map((state) => state.toLowerCase().replaceAll('_', ' ')).join(', ');

/**
 * A new order of a trial, first night `startsOn`, against the trial's other orders (soft stops):
 * `ORDER_ALREADY_OPEN` while one is still open (DRAFT, SUBMITTED, RECEIVED, COMPOUNDING, READY,
 * ON_HOLD); `ORDER_OVERLAPS_SUPPLY` when dispensed supply still covers `startsOn` or later —
 * supply whose last night is the day before `startsOn` does not overlap. Cancelled and rejected
 * orders never count. Pass only the trial's own orders, without the order being checked.
 */
export function checkOrderOverlap(input: {
  startsOn: IsoDate;
  orders: readonly TrialOrderSupply[];
}): RuleFinding[] {
  const startsOn = assertIsoDate(input.startsOn);
  const findings: RuleFinding[] = [];
  const open = input.orders.filter((order) => OPEN_ORDER_STATES.includes(order.state));
  if (open.length > 0) {
    const count = open.length === 1 ? '1 open order' : `${open.length} open orders`;
    findings.push(finding('ORDER_ALREADY_OPEN', `${count}: ${listed(open.map((order) => order.state))}.`));
  }
  const lastNights = input.orders
    .flatMap((order) => dispensedSupply(order) ?? [])
    .map((supply) => supply.lastNight)
    .filter((lastNight) => compareDates(lastNight, startsOn) >= 0)
    .sort(compareDates);
  const lastNight = lastNights.at(-1);
  if (lastNight !== undefined) {
    findings.push(
      finding(
        'ORDER_OVERLAPS_SUPPLY',
        `Dispensed supply lasts through ${lastNight}; this order starts on ${startsOn}.`,
      ),
    );
  }
  return findings;
}
