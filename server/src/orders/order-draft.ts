import type { Order, OrderLine, Prisma, Trial } from '@ldn/db';
import {
  type IsoDate,
  laterOf,
  type OrderDraft,
  START_DOSE_MG,
  singleStrengthOrder,
  type TitrationInput,
  titrationPackOrder,
} from '@ldn/rules';
import { dbDate, isoDateOf } from '../graphql/scalars.ts';
import { enforceFindings, withRuleInput } from '../platform/rule-decisions.ts';
import { dosesOf, titrationInputOf } from '../trials/trial-events.ts';
import type { OrderInput } from './order.inputs.ts';
import type { OrderFields, OrderSignatureType } from './order.types.ts';

/** The trial's recorded schedule, as the rules package takes it. */
export async function scheduleOf(tx: Prisma.TransactionClient, trial: Trial): Promise<TitrationInput> {
  const changes = await tx.doseChange.findMany({
    where: { trialId: trial.id },
    orderBy: [{ changedOn: 'asc' }, { createdAt: 'asc' }],
  });
  return titrationInputOf(trial, dosesOf(changes));
}

/** The first night an order asks for: the one given, else today or the trial's start, whichever is later. */
export const orderFromDate = (schedule: TitrationInput, input: OrderInput, today: IsoDate): IsoDate =>
  input.fromDate ?? laterOf(schedule.startDate, today);

/**
 * The order's lines from the rules package: a titration pack following the trial's schedule, or a
 * single strength. Every line passes the dose rules; a dose above 4.5 mg is a RULE_VIOLATION here,
 * whichever path (create or edit) asked for it.
 */
export function draftOrderLines(schedule: TitrationInput, input: OrderInput, today: IsoDate): OrderDraft {
  const liquid = { formulation: input.formulation, liquidStrengthMgPerMl: input.liquidStrengthMgPerMl };
  const fromDate = orderFromDate(schedule, input, today);
  const draft = withRuleInput('input', () => {
    if (input.kind === 'TITRATION_PACK') {
      return titrationPackOrder({ ...liquid, schedule, fromDate, targetDaysSupply: input.daysSupply });
    }
    const currentDose = schedule.doseChanges?.at(-1)?.doseMg ?? START_DOSE_MG;
    return singleStrengthOrder({
      ...liquid,
      doseMg: input.doseMg ?? currentDose,
      daysSupply: input.daysSupply ?? 30,
      startsOn: fromDate,
    });
  });
  enforceFindings(draft.findings);
  return draft;
}

/** Rows for the order's lines. */
export function lineRows(draft: OrderDraft): Omit<Prisma.OrderLineCreateManyInput, 'orderId'>[] {
  return draft.lines.map((line, index) => ({
    sequence: index + 1,
    nightlyDoseMg: line.doseMg,
    strength: line.strength.value,
    strengthUnit: line.strength.unit,
    quantity: line.quantity,
    quantityUnit: line.quantityUnit,
    amountPerNight: line.amountPerNight,
    daysSupply: line.daysSupply,
    startsOn: line.startsOn === null ? null : dbDate(line.startsOn),
    directions: line.directions,
  }));
}

const dateOrNull = (date: Date | null) => (date === null ? null : isoDateOf(date));

/** An order row, its lines and its signature as the GraphQL fields both sides share. */
export function orderFields(
  order: Order,
  lines: OrderLine[],
  signature: OrderSignatureType | null,
): OrderFields {
  const sorted = [...lines].sort((a, b) => a.sequence - b.sequence);
  return {
    ...order,
    signature,
    liquidStrengthMgPerMl: order.liquidStrengthMgPerMl === null ? null : Number(order.liquidStrengthMgPerMl),
    compoundedOn: dateOrNull(order.compoundedOn),
    beyondUseDate: dateOrNull(order.beyondUseDate),
    needBy: dateOrNull(order.needBy),
    dispensedOn: dateOrNull(order.dispensedOn),
    totalDaysSupply: sorted.reduce((sum, line) => sum + line.daysSupply, 0),
    lines: sorted.map((line) => ({
      sequence: line.sequence,
      nightlyDoseMg: Number(line.nightlyDoseMg),
      strength: Number(line.strength),
      strengthUnit: line.strengthUnit,
      quantity: Number(line.quantity),
      quantityUnit: line.quantityUnit,
      amountPerNight: Number(line.amountPerNight),
      daysSupply: line.daysSupply,
      startsOn: dateOrNull(line.startsOn),
      directions: line.directions,
      lotNumber: line.lotNumber,
      beyondUseDate: dateOrNull(line.beyondUseDate),
    })),
  };
}
