import { compareDates, countedRecords } from '@ldn/rules';

export type TimelineEventKind =
  | 'DOSE'
  | 'HOLD'
  | 'RESUME'
  | 'WINDOW_OPENS'
  | 'WINDOW_DUE'
  | 'ASSESSMENT'
  | 'DISCONTINUED';

/** One line of a trial's timeline, from screening to the assessment. */
export interface TimelineEvent {
  date: string;
  kind: TimelineEventKind;
  label: string;
  /** For dose steps: PAST, CURRENT, NEXT or PROJECTED as the API derived it. */
  stepStatus?: string;
}

export interface TimelineSource {
  timeline: ReadonlyArray<{ from: string; doseMg: number; status: string }>;
  holds: ReadonlyArray<{ heldOn: string; resumedOn: string | null; reason: string }>;
  assessmentWindow: { opensOn: string; dueBy: string } | null;
  /** Those entered in error too: the timeline leaves them out. */
  assessments: ReadonlyArray<{
    assessedOn: string;
    responseClass: string;
    decision: string;
    enteredInError?: boolean;
  }>;
  discontinuedOn: string | null;
}

// On one day: a hold or resumption before the dose it affects; the assessment before the end.
const KIND_ORDER: readonly TimelineEventKind[] = [
  'HOLD',
  'RESUME',
  'DOSE',
  'WINDOW_OPENS',
  'ASSESSMENT',
  'DISCONTINUED',
  'WINDOW_DUE',
];

const words = (code: string) => code.toLowerCase().split('_').join(' ');

/**
 * The trial's events in date order: dose steps (as derived by the API, past to projected), holds
 * and resumptions, the assessment window, the assessments that count and the end. Nothing is
 * computed here but the order.
 */
export function timelineEvents(source: TimelineSource): TimelineEvent[] {
  const events: TimelineEvent[] = source.timeline.map((step, index) => ({
    date: step.from,
    kind: 'DOSE',
    label: `${index === 0 ? 'Start at' : 'Dose'} ${step.doseMg.toFixed(1)} mg at bedtime`,
    stepStatus: step.status,
  }));
  for (const hold of source.holds) {
    events.push({ date: hold.heldOn, kind: 'HOLD', label: `On hold: ${words(hold.reason)}` });
    if (hold.resumedOn !== null) events.push({ date: hold.resumedOn, kind: 'RESUME', label: 'Resumed' });
  }
  if (source.assessmentWindow !== null) {
    events.push({
      date: source.assessmentWindow.opensOn,
      kind: 'WINDOW_OPENS',
      label: 'Assessment window opens',
    });
    events.push({ date: source.assessmentWindow.dueBy, kind: 'WINDOW_DUE', label: 'Assessment due by' });
  }
  for (const assessment of countedRecords(source.assessments)) {
    events.push({
      date: assessment.assessedOn,
      kind: 'ASSESSMENT',
      label: `Assessed: ${words(assessment.responseClass)} response, ${words(assessment.decision)}`,
    });
  }
  if (source.discontinuedOn !== null) {
    events.push({ date: source.discontinuedOn, kind: 'DISCONTINUED', label: 'Discontinued' });
  }
  return events.sort(
    (a, b) => compareDates(a.date, b.date) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
}
