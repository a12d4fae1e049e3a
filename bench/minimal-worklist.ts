import { routingOf, type WorklistCode } from '../server/src/trials/worklist-routing.ts';
import {
  ACTIVE_TRIAL_STATES,
  adherenceOf,
  compareDates,
  currentReportGap,
  type IsoDate,
  laterOf,
  MINIMUM_WINDOW_SCORES,
  oneScorePerDay,
  RESPONSE_WINDOW_DAYS,
  refillDue,
  supplyRunsOutOn,
  type TrialStatus,
} from '../shared/src/index.ts';
import { type Asker, type Query, statusOf } from './minimal-sql.ts';
import { type TrialRow, WORKLIST_SQL } from './minimal-worklist-sql.ts';

// The worklist of the minimal endpoint (minimal-endpoint.ts): the same JSON as the portal's
// `worklist` document, from one hand-written statement and the rules package. `routingOf` is the
// product's table of who acts on what (a constant lookup, no stack); everything else is here.

/** Records by creation, then id: instants as ISO text and ids compare as strings do. */
const oldestFirst = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** A worklist line before routing: what it says, and of which trial. */
interface Line {
  code: WorklistCode;
  date: IsoDate;
  message: string;
  trial: TrialRow;
  orderId?: string;
  medicationId?: string;
  preparedBy?: string | null;
  preparedAt?: string;
}

/** What the product's order attention says of an active trial's latest order (orders/order-worklist.ts). */
function orderLines(trial: TrialRow, asOf: IsoDate): Line[] {
  const order = trial.latestOrder;
  if (order === null) return [];
  const base = { trial, orderId: order.id };
  if (order.state === 'REJECTED')
    return [
      {
        ...base,
        code: 'ORDER_REJECTED',
        date: order.updatedOn,
        message: `The pharmacy rejected the order: ${order.rejectionReason ?? 'no reason given'}`,
      },
    ];
  if (order.state === 'ON_HOLD')
    return [
      {
        ...base,
        code: 'ORDER_ON_HOLD',
        date: order.updatedOn,
        message: 'The order is on hold with its trial.',
      },
    ];
  if (order.state !== 'DISPENSED' || order.dispensedOn === null || order.daysSupply <= 0) return [];
  if (!refillDue(order.dispensedOn, order.daysSupply, asOf)) return [];
  const runsOutOn = supplyRunsOutOn(order.dispensedOn, order.daysSupply);
  return [
    {
      ...base,
      code: 'REFILL_RUNNING_OUT',
      date: runsOutOn,
      message: `The supply runs out on ${runsOutOn}: order a refill.`,
    },
  ];
}

/** The patient link's lines of a trial with a live link (patient-link/patient-worklist.ts). */
function patientReportLines(trial: TrialRow, status: TrialStatus, asOf: IsoDate): Line[] {
  const link = trial.liveLink;
  if (link === null) return [];
  const window = status.assessmentWindow?.open === true ? status.assessmentWindow : null;
  const lines: Line[] = [];
  if (status.state === 'TITRATING' || window !== null) {
    const adherence = adherenceOf({
      since: laterOf(trial.history.startDate, link.firstLinkOn),
      asOf,
      reports: link.reports,
      nightsSupplied: link.nightsSupplied,
    });
    const gap = currentReportGap(adherence, asOf);
    if (gap !== null)
      lines.push({
        code: 'PATIENT_REPORTS_MISSING',
        date: gap.from,
        message: `No report from the patient for ${gap.evenings} evenings (since ${gap.from}).`,
        trial,
      });
  }
  if (window !== null) {
    const count = oneScorePerDay(link.scores).length;
    if (count < MINIMUM_WINDOW_SCORES)
      lines.push({
        code: 'ASSESSMENT_FEW_SCORES',
        date: window.opensOn,
        message: `Assessment window open with ${count} pain score${count === 1 ? '' : 's'} in the last ${RESPONSE_WINDOW_DAYS} days (fewer than ${MINIMUM_WINDOW_SCORES}).`,
        trial,
      });
  }
  return lines;
}

/** Every line, source by source in the product's order, so lines of the same date and code keep its order. */
function linesOf(
  rows: readonly TrialRow[],
  statuses: ReadonlyMap<string, TrialStatus>,
  asOf: IsoDate,
): Line[] {
  const active = rows.filter((row) => row.active);
  const statusOfTrial = (trial: TrialRow) => statuses.get(trial.id) ?? statusOf(trial.history, asOf);
  const actions = active.flatMap((trial) =>
    statusOfTrial(trial).actions.map((action) => ({ ...action, trial })),
  );
  const orders = active.flatMap((trial) => orderLines(trial, asOf));
  const drafts = rows
    .flatMap((trial) => (trial.drafts ?? []).map((draft) => ({ trial, draft })))
    .sort((a, b) => oldestFirst(a.draft, b.draft))
    .map(
      ({ trial, draft }): Line => ({
        code: 'ORDER_AWAITING_SIGNATURE',
        date: draft.createdOn,
        message: `Draft order prepared by ${draft.preparedBy ?? 'someone no longer listed'}: sign it and send it to the pharmacy.`,
        trial,
        orderId: draft.id,
        preparedBy: draft.preparedBy,
        preparedAt: draft.createdAt,
      }),
    );
  // The product names each medication with its patient's trial in an active state (the last one read).
  const byPatient = new Map(
    active
      .filter((trial) => ACTIVE_TRIAL_STATES.includes(trial.state))
      .map((trial) => [trial.patientId, trial]),
  );
  const medications = new Map(
    active.flatMap((trial) =>
      (trial.medications ?? []).map((medication) => [medication.id, medication] as const),
    ),
  );
  const opioids = [...medications.values()].sort(oldestFirst).flatMap((medication): Line[] => {
    const trial = byPatient.get(medication.patientId);
    if (trial === undefined) return [];
    return [
      {
        code: 'POSSIBLE_OPIOID_REVIEW',
        date: asOf,
        message: `Possible opioid: review ${medication.drug} (the drug vocabulary now reads it as an opioid).`,
        trial,
        medicationId: medication.id,
      },
    ];
  });
  const reports = active.flatMap((trial) => patientReportLines(trial, statusOfTrial(trial), asOf));
  const effects = active
    .flatMap((trial) => (trial.patientEffects ?? []).map((effect) => ({ trial, effect })))
    .sort((a, b) => compareDates(a.effect.onsetOn, b.effect.onsetOn))
    .map(
      ({ trial, effect }): Line => ({
        code: 'PATIENT_SIDE_EFFECT_TO_REVIEW',
        date: effect.onsetOn,
        message: 'Side effect reported by the patient, to review.',
        trial,
      }),
    );
  return [...actions, ...orders, ...drafts, ...opioids, ...reports, ...effects];
}

/** The worklist as the GraphQL `worklist` field answers it, and the patients it names (for the audit). */
export async function minimalWorklist(
  query: Query,
  asker: Asker,
  now: Date,
  asOf: IsoDate,
  timeZone: string,
): Promise<{ worklist: unknown[]; patientIds: string[] }> {
  const rows = await query<TrialRow>(WORKLIST_SQL, [asker.organisationId, now, asOf, timeZone]);
  // Each trial's status derived once: its actions, its patient link's lines and its items' state read it.
  const statuses = new Map(rows.map((row) => [row.id, statusOf(row.history, asOf)]));
  const lines = linesOf(rows, statuses, asOf);
  const worklist = lines
    .map((line) => ({
      code: line.code,
      date: line.date,
      message: line.message,
      orderId: line.orderId ?? null,
      medicationId: line.medicationId ?? null,
      ...routingOf(line.code, asker.role),
      preparedBy: line.preparedBy ?? null,
      preparedAt: line.preparedAt ?? null,
      trial: {
        id: line.trial.id,
        condition: line.trial.condition,
        status: { state: statuses.get(line.trial.id)?.state },
        patient: line.trial.patient,
      },
    }))
    .sort((a, b) => compareDates(a.date, b.date) || a.code.localeCompare(b.code));
  return { worklist, patientIds: [...new Set(lines.map((line) => line.trial.patientId))] };
}
