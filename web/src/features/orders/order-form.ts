import {
  ACTIVE_TRIAL_STATES,
  checkOrderOverlap,
  DEFAULT_LIQUID_STRENGTH_MG_PER_ML,
  DEFAULT_TARGET_DAYS_SUPPLY,
  dosesInOrder,
  type Formulation,
  firstNightOf,
  formatMg,
  isIsoDate,
  isRuleInputError,
  laterOf,
  type OrderDraft,
  type RuleFinding,
  START_DOSE_MG,
  singleStrengthOrder,
  type TitrationInput,
  type TrialOrderSupply,
  titrationPackOrder,
} from '@ldn/rules';
import type { OrderInput } from './api/create-order.ts';

export type OrderKind = OrderInput['kind'];
export type Payment = OrderInput['payment'];
export type Delivery = OrderInput['delivery'];
export type LiquidVehicle = NonNullable<OrderInput['vehicle']>;

/** The order form as typed: text fields stay text until the preview and the save read them. */
export interface OrderFormValues {
  kind: OrderKind;
  formulation: Formulation;
  /** Liquids only: mg per mL. */
  liquidStrengthMgPerMl: string;
  /** Liquids only; '' when not said. */
  vehicle: LiquidVehicle | '';
  /** SINGLE_STRENGTH only: the nightly dose in mg. */
  doseMg: string;
  /** SINGLE_STRENGTH: nights; TITRATION_PACK: nights of the target line. */
  daysSupply: string;
  refills: string;
  /** The first night the order covers. */
  fromDate: string;
  /** When the patient needs the supply by; '' sends none: the first night covered. */
  needBy: string;
  /** '' sends none: the clinic's default pharmacy. */
  pharmacyId: string;
  excipientNotes: string;
  payment: Payment;
  insuranceNote: string;
  delivery: Delivery;
  shipTo: { line1: string; line2: string; city: string; region: string; postalCode: string };
}

/** What the form needs of a trial: its recorded schedule and the patient's address. */
export interface OrderFormSource {
  state: string;
  startDate: string;
  maintenanceDoseMg: number | null;
  /** Those entered in error too: the rules leave them out of the schedule. */
  doseChanges: ReadonlyArray<{ changedOn: string; doseMg: number; enteredInError?: boolean }>;
  patient: {
    addressLine1: string | null;
    addressLine2: string | null;
    city: string | null;
    region: string | null;
    postalCode: string | null;
  };
}

/** Limits of the API's OrderInput (server/src/orders/order.inputs.ts). */
export const MAX_DAYS_SUPPLY = 120;
export const MAX_REFILLS = 11;
export const MAX_LIQUID_STRENGTH_MG_PER_ML = 50;

export const isLiquid = (formulation: Formulation): boolean => formulation !== 'CAPSULE';

/** True when the API accepts an order for a trial in this state (active and not on hold). */
export function canOrderFor(trialState: string): boolean {
  return trialState !== 'ON_HOLD' && (ACTIVE_TRIAL_STATES as readonly string[]).includes(trialState);
}

/** The trial's recorded schedule as the rules package takes it (as the server builds it). */
export function scheduleOf(trial: OrderFormSource): TitrationInput {
  const doseChanges = dosesInOrder(
    trial.doseChanges.map((change) => ({
      date: change.changedOn,
      doseMg: change.doseMg,
      enteredInError: change.enteredInError,
    })),
  );
  return {
    startDate: trial.startDate,
    doseChanges,
    ...(trial.maintenanceDoseMg === null ? {} : { maintenanceDoseMg: trial.maintenanceDoseMg }),
  };
}

/** The dose a single-strength order defaults to: the latest recorded dose, else the start dose. */
export function currentDoseOf(schedule: TitrationInput): number {
  return schedule.doseChanges?.at(-1)?.doseMg ?? START_DOSE_MG;
}

/**
 * A new order's form: a titration pack while the trial is still titrating (else the current dose),
 * capsules, 30 nights, no refills, the clinic's default pharmacy, shipped to the patient's address,
 * from today or the start, whichever is later (the server's own default).
 */
export function newOrderForm(trial: OrderFormSource, today: string): OrderFormValues {
  const titrating = trial.state === 'TITRATING' || trial.state === 'READY';
  return {
    kind: titrating ? 'TITRATION_PACK' : 'SINGLE_STRENGTH',
    formulation: 'CAPSULE',
    liquidStrengthMgPerMl: String(DEFAULT_LIQUID_STRENGTH_MG_PER_ML),
    vehicle: '',
    doseMg: formatMg(currentDoseOf(scheduleOf(trial))),
    daysSupply: String(DEFAULT_TARGET_DAYS_SUPPLY),
    refills: '0',
    fromDate: laterOf(trial.startDate, today),
    needBy: '',
    pharmacyId: '',
    excipientNotes: '',
    payment: 'SELF_PAY',
    insuranceNote: '',
    delivery: 'SHIP',
    shipTo: {
      line1: trial.patient.addressLine1 ?? '',
      line2: trial.patient.addressLine2 ?? '',
      city: trial.patient.city ?? '',
      region: trial.patient.region ?? '',
      postalCode: trial.patient.postalCode ?? '',
    },
  };
}

/** What an existing order says, in the form's terms (to edit a draft). */
export interface SavedOrder {
  kind: OrderKind;
  formulation: Formulation;
  liquidStrengthMgPerMl: number | null;
  vehicle: LiquidVehicle | null;
  pharmacyId: string;
  refills: number;
  excipientNotes: string | null;
  payment: Payment;
  insuranceNote: string | null;
  delivery: Delivery;
  shipToLine1: string | null;
  shipToLine2: string | null;
  shipToCity: string | null;
  shipToRegion: string | null;
  shipToPostal: string | null;
  needBy: string | null;
  totalDaysSupply: number;
  lines: ReadonlyArray<{ nightlyDoseMg: number; daysSupply: number; startsOn: string | null }>;
}

/** The form of a saved order, over a new order's defaults for what the order does not say. */
export function orderFormOf(order: SavedOrder, defaults: OrderFormValues): OrderFormValues {
  const first = order.lines[0];
  const last = order.lines.at(-1);
  return {
    ...defaults,
    kind: order.kind,
    formulation: order.formulation,
    liquidStrengthMgPerMl:
      order.liquidStrengthMgPerMl === null
        ? defaults.liquidStrengthMgPerMl
        : String(order.liquidStrengthMgPerMl),
    vehicle: order.vehicle ?? '',
    doseMg: first === undefined ? defaults.doseMg : formatMg(first.nightlyDoseMg),
    // A pack's days' supply is its target line's; a single strength's is the whole order's.
    daysSupply: String(order.kind === 'TITRATION_PACK' ? (last?.daysSupply ?? 30) : order.totalDaysSupply),
    refills: String(order.refills),
    fromDate: first?.startsOn ?? defaults.fromDate,
    needBy: order.needBy ?? '',
    pharmacyId: order.pharmacyId,
    excipientNotes: order.excipientNotes ?? '',
    payment: order.payment,
    insuranceNote: order.insuranceNote ?? '',
    delivery: order.delivery,
    shipTo:
      order.delivery === 'SHIP'
        ? {
            line1: order.shipToLine1 ?? '',
            line2: order.shipToLine2 ?? '',
            city: order.shipToCity ?? '',
            region: order.shipToRegion ?? '',
            postalCode: order.shipToPostal ?? '',
          }
        : defaults.shipTo,
  };
}

/** A decimal number as typed (`4.5`, `1`), or null. */
function decimalOf(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

/** A whole number within bounds, or null. */
function wholeOf(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

/** The preview of an order: its lines, a refusal by the dose rules, or what is missing to compute it. */
export type OrderPreview =
  | { status: 'ready'; draft: OrderDraft }
  | { status: 'refused'; draft: OrderDraft }
  | { status: 'incomplete'; problem: string };

/**
 * The order's lines and directions as the server will compute them, from the rules package
 * (titrationPackOrder / singleStrengthOrder): a dose the rules refuse is `refused` with its findings.
 */
export function previewOrder(values: OrderFormValues, schedule: TitrationInput): OrderPreview {
  if (!isIsoDate(values.fromDate)) return { status: 'incomplete', problem: 'Enter the first night.' };
  const daysSupply = wholeOf(values.daysSupply, 1, MAX_DAYS_SUPPLY);
  if (daysSupply === null) {
    return {
      status: 'incomplete',
      problem: `Days’ supply is a whole number of nights from 1 to ${MAX_DAYS_SUPPLY}.`,
    };
  }
  let liquidStrengthMgPerMl: number | undefined;
  if (isLiquid(values.formulation)) {
    const strength = decimalOf(values.liquidStrengthMgPerMl);
    if (strength === null || strength <= 0 || strength > MAX_LIQUID_STRENGTH_MG_PER_ML) {
      return {
        status: 'incomplete',
        problem: `Enter the liquid’s strength: more than 0 and at most ${MAX_LIQUID_STRENGTH_MG_PER_ML} mg/mL.`,
      };
    }
    liquidStrengthMgPerMl = strength;
  }
  const options = { formulation: values.formulation, liquidStrengthMgPerMl };
  try {
    let draft: OrderDraft;
    if (values.kind === 'TITRATION_PACK') {
      draft = titrationPackOrder({
        ...options,
        schedule,
        fromDate: values.fromDate,
        targetDaysSupply: daysSupply,
      });
    } else {
      const doseMg = decimalOf(values.doseMg);
      if (doseMg === null) return { status: 'incomplete', problem: 'Enter the nightly dose in mg.' };
      draft = singleStrengthOrder({ ...options, doseMg, daysSupply, startsOn: values.fromDate });
    }
    return draft.findings.length > 0 ? { status: 'refused', draft } : { status: 'ready', draft };
  } catch (error) {
    if (!isRuleInputError(error)) throw error;
    return { status: 'incomplete', problem: error.message };
  }
}

/**
 * The overlap soft stops of the previewed order against the trial's other orders (the rules'
 * checkOrderOverlap, as the server runs it): an open order, or dispensed supply still covering the
 * order's first night. Nothing until the preview has lines.
 */
export function overlapFindings(
  values: OrderFormValues,
  preview: OrderPreview,
  otherOrders: readonly TrialOrderSupply[],
): RuleFinding[] {
  if (preview.status !== 'ready') return [];
  const startsOn = firstNightOf(preview.draft.lines) ?? values.fromDate;
  return checkOrderOverlap({ startsOn, orders: otherOrders });
}

/** What else the form needs before it can be saved (beyond the lines): refills and the address. */
export function formProblems(values: OrderFormValues): string[] {
  const problems: string[] = [];
  if (wholeOf(values.refills, 0, MAX_REFILLS) === null) {
    problems.push(`Refills are a whole number from 0 to ${MAX_REFILLS}.`);
  }
  const { line1, city, postalCode } = values.shipTo;
  if (values.delivery === 'SHIP' && (line1.trim() === '' || city.trim() === '' || postalCode.trim() === '')) {
    problems.push('A shipped order needs an address: line 1, city and postal code.');
  }
  return problems;
}

const filled = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** The API's OrderInput for a form that previewed `ready` and has no formProblems. */
export function orderInputOf(values: OrderFormValues): OrderInput {
  const liquid = isLiquid(values.formulation);
  const vehicle = values.vehicle === '' ? undefined : values.vehicle;
  const excipientNotes = filled(values.excipientNotes);
  const insuranceNote = filled(values.insuranceNote);
  const line2 = filled(values.shipTo.line2);
  const region = filled(values.shipTo.region);
  return {
    kind: values.kind,
    formulation: values.formulation,
    ...(values.pharmacyId !== '' && { pharmacyId: values.pharmacyId }),
    ...(values.kind === 'SINGLE_STRENGTH' && { doseMg: Number(values.doseMg.trim()) }),
    daysSupply: Number(values.daysSupply.trim()),
    fromDate: values.fromDate,
    ...(values.needBy !== '' && { needBy: values.needBy }),
    ...(liquid && { liquidStrengthMgPerMl: Number(values.liquidStrengthMgPerMl.trim()) }),
    ...(liquid && vehicle !== undefined && { vehicle }),
    refills: Number(values.refills.trim()),
    ...(excipientNotes !== undefined && { excipientNotes }),
    payment: values.payment,
    ...(values.payment === 'INSURANCE' && insuranceNote !== undefined && { insuranceNote }),
    delivery: values.delivery,
    ...(values.delivery === 'SHIP' && {
      shipTo: {
        line1: values.shipTo.line1.trim(),
        city: values.shipTo.city.trim(),
        postalCode: values.shipTo.postalCode.trim(),
        ...(line2 !== undefined && { line2 }),
        ...(region !== undefined && { region }),
      },
    }),
  };
}
