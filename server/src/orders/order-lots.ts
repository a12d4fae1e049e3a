import type { Order, OrderLine, Prisma } from '@ldn/db';
import { beyondUseDateKindOf, checkBeyondUseDate, compareDates, type IsoDate } from '@ldn/rules';
import { dbDate } from '../graphql/scalars.ts';
import { badInput } from '../platform/errors.ts';
import { enforceFindings, withRuleInput } from '../platform/rule-decisions.ts';
import type { MarkReadyInput } from './order.inputs.ts';

/** The lot and beyond-use date one line was compounded as. */
export interface LineLot {
  sequence: number;
  lotNumber: string;
  beyondUseDate: IsoDate;
}

/** What marking an order ready records: each line's lot, and the order's summary of them. */
export interface OrderLots {
  lines: LineLot[];
  /** The lots, each once, in line order: what the order shows where one lot is read. */
  lotNumber: string;
  /** The earliest line's: the pack is used by then. */
  beyondUseDate: IsoDate;
  /** Kept only when some line's date is beyond the USP <795> default. */
  budReason: string | null;
}

// Order.lotNumber holds the distinct lots joined: three 60-character lots fit.
const ORDER_LOTS_MAX = 250;

/**
 * Each line's lot and beyond-use date: from `input.lines` (every line exactly once), or the
 * order's one lot and date for every line. Each date is held to the USP <795> default of the
 * preparation (a later one needs the reason); bad input is a BAD_USER_INPUT naming the field.
 */
export function lotsOf(
  order: Order,
  lines: readonly OrderLine[],
  input: MarkReadyInput,
  compoundedOn: IsoDate,
): OrderLots {
  const lineLots = input.lines == null || input.lines.length === 0 ? oneLotForAll(lines, input) : input.lines;
  const sequences = lineLots.map((lot) => lot.sequence).sort((a, b) => a - b);
  const expected = lines.map((line) => line.sequence).sort((a, b) => a - b);
  if (sequences.join() !== expected.join()) {
    throw badInput('lines', 'Give a lot and beyond-use date for each line of the order, once.');
  }
  const kind = beyondUseDateKindOf(order.formulation, order.vehicle ?? undefined);
  let exceedsDefault = false;
  for (const lot of lineLots) {
    const check = withRuleInput('beyondUseDate', () =>
      // An explicit null (a nullable field sent as null) is no reason, like one left out.
      checkBeyondUseDate({
        compoundedOn,
        beyondUseDate: lot.beyondUseDate,
        kind,
        reason: input.budReason ?? undefined,
      }),
    );
    enforceFindings(check.findings);
    exceedsDefault ||= check.exceedsDefault;
  }
  const ordered = [...lineLots].sort((a, b) => a.sequence - b.sequence);
  if (ordered.length === 0) throw new Error('an order without lines');
  const lotNumber = [...new Set(ordered.map((lot) => lot.lotNumber))].join(', ');
  if (lotNumber.length > ORDER_LOTS_MAX) throw badInput('lines', 'The lot numbers are too long together.');
  return {
    lines: ordered,
    lotNumber,
    beyondUseDate: ordered
      .map((lot) => lot.beyondUseDate)
      .reduce((a, b) => (compareDates(a, b) <= 0 ? a : b)),
    budReason: exceedsDefault ? (input.budReason ?? null) : null,
  };
}

function oneLotForAll(lines: readonly OrderLine[], input: MarkReadyInput): LineLot[] {
  if (input.lotNumber == null) throw badInput('lotNumber', 'Enter the lot number.');
  if (input.beyondUseDate == null) throw badInput('beyondUseDate', 'Enter the beyond-use date.');
  const { lotNumber, beyondUseDate } = input;
  return lines.map((line) => ({
    sequence: line.sequence,
    lotNumber,
    beyondUseDate: beyondUseDate as IsoDate,
  }));
}

/** Writes each line's lot and beyond-use date, in the transaction that marks the order ready. */
export async function recordLineLots(
  tx: Prisma.TransactionClient,
  orderId: string,
  lines: readonly LineLot[],
): Promise<void> {
  for (const lot of lines) {
    await tx.orderLine.update({
      where: { orderId_sequence: { orderId, sequence: lot.sequence } },
      data: { lotNumber: lot.lotNumber, beyondUseDate: dbDate(lot.beyondUseDate) },
    });
  }
}
