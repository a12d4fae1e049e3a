/**
 * The demo patients: one scenario per stage of a trial, so every screen has something to show.
 * Days are relative to the day the demo is loaded (day 0 = the trial start).
 */

export type Scenario =
  | { stage: 'SCREENING_MISSING_LINES' }
  | { stage: 'SCREENING_ON_OPIOID' }
  | { stage: 'READY' }
  | {
      stage: 'TRIAL';
      /** How many days ago the trial started. */
      startedDaysAgo: number;
      /** Day numbers (from the start) of the dose changes and their doses. */
      doseChanges?: [day: number, doseMg: number][];
      maintenanceDoseMg?: number;
      /** Opioid started on this day: the trial is on hold since. */
      opioidOnDay?: number;
      adverseEffect?: { day: number; kind: 'VIVID_DREAMS' | 'INSOMNIA' | 'HEADACHE' | 'NAUSEA' };
      assessment?: { day: number; decision: 'CONTINUE' | 'EXTEND' | 'DISCONTINUE' };
      discontinued?: { day: number; reason: 'ADVERSE_EFFECTS' | 'PATIENT_CHOICE' | 'INEFFECTIVE' };
      /** Pain relief reached by the end, as a share of the baseline (0.5 = half the pain). */
      relief: number;
      orderState?:
        | 'DRAFT'
        | 'SUBMITTED'
        | 'RECEIVED'
        | 'COMPOUNDING'
        | 'READY'
        | 'DISPENSED'
        | 'REJECTED'
        | 'CANCELLED'
        | 'ON_HOLD';
    };

const standardSteps: [number, number][] = [
  [14, 3],
  [28, 4.5],
];

export const SCENARIOS: Scenario[] = [
  { stage: 'SCREENING_MISSING_LINES' },
  { stage: 'SCREENING_ON_OPIOID' },
  { stage: 'READY' },
  { stage: 'TRIAL', startedDaysAgo: 5, relief: 0.1, orderState: 'SUBMITTED' },
  { stage: 'TRIAL', startedDaysAgo: 9, relief: 0.1, orderState: 'DRAFT' },
  { stage: 'TRIAL', startedDaysAgo: 12, relief: 0.1, orderState: 'RECEIVED' },
  { stage: 'TRIAL', startedDaysAgo: 20, doseChanges: [[14, 3]], relief: 0.2, orderState: 'COMPOUNDING' },
  { stage: 'TRIAL', startedDaysAgo: 17, relief: 0.15, orderState: 'READY' },
  { stage: 'TRIAL', startedDaysAgo: 40, doseChanges: standardSteps, relief: 0.3, orderState: 'DISPENSED' },
  { stage: 'TRIAL', startedDaysAgo: 62, doseChanges: standardSteps, relief: 0.4, orderState: 'DISPENSED' },
  { stage: 'TRIAL', startedDaysAgo: 90, doseChanges: standardSteps, relief: 0.2, orderState: 'DISPENSED' },
  {
    stage: 'TRIAL',
    startedDaysAgo: 130,
    doseChanges: standardSteps,
    relief: 0.55,
    assessment: { day: 70, decision: 'CONTINUE' },
    orderState: 'DISPENSED',
  },
  {
    stage: 'TRIAL',
    startedDaysAgo: 72,
    doseChanges: standardSteps,
    relief: 0.15,
    assessment: { day: 60, decision: 'EXTEND' },
    orderState: 'DISPENSED',
  },
  {
    stage: 'TRIAL',
    startedDaysAgo: 32,
    doseChanges: standardSteps,
    opioidOnDay: 30,
    relief: 0.2,
    orderState: 'ON_HOLD',
  },
  {
    stage: 'TRIAL',
    startedDaysAgo: 45,
    doseChanges: [[14, 3]],
    adverseEffect: { day: 16, kind: 'VIVID_DREAMS' },
    discontinued: { day: 20, reason: 'ADVERSE_EFFECTS' },
    relief: 0.1,
    orderState: 'CANCELLED',
  },
  {
    stage: 'TRIAL',
    startedDaysAgo: 110,
    doseChanges: standardSteps,
    relief: 0.05,
    assessment: { day: 63, decision: 'DISCONTINUE' },
    orderState: 'DISPENSED',
  },
  {
    stage: 'TRIAL',
    startedDaysAgo: 200,
    doseChanges: [
      [14, 3],
      [28, 4.5],
      [35, 3],
    ],
    maintenanceDoseMg: 3,
    adverseEffect: { day: 30, kind: 'INSOMNIA' },
    relief: 0.35,
    assessment: { day: 66, decision: 'CONTINUE' },
    orderState: 'DISPENSED',
  },
  {
    stage: 'TRIAL',
    startedDaysAgo: 33,
    doseChanges: [
      [14, 3],
      [28, 3],
    ],
    adverseEffect: { day: 27, kind: 'HEADACHE' },
    relief: 0.2,
    orderState: 'REJECTED',
  },
  // A third discontinuation per clinic: with fewer than 5 in the network the administrators' curve
  // would be suppressed (small-group rule), and the demo would show them no curve at all.
  {
    stage: 'TRIAL',
    startedDaysAgo: 150,
    doseChanges: standardSteps,
    relief: 0.05,
    discontinued: { day: 95, reason: 'INEFFECTIVE' },
    orderState: 'DISPENSED',
  },
];

const GIVEN = [
  'Maria',
  'James',
  'Aisha',
  'Robert',
  'Linda',
  'Wei',
  'Fatima',
  'Daniel',
  'Grace',
  'Tomás',
  'Olivia',
];
const FAMILY = [
  'Alvarez',
  'Brooks',
  'Chen',
  'Dubois',
  'Evans',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ivanova',
  'Jensen',
];

/** A fictional name and birth year for the n-th demo patient. */
export function demoIdentity(n: number): { givenName: string; familyName: string; birthYear: number } {
  return {
    givenName: GIVEN[n % GIVEN.length] ?? 'Pat',
    familyName: FAMILY[(n * 7) % FAMILY.length] ?? 'Doe',
    birthYear: 1950 + ((n * 13) % 45),
  };
}

export const CONDITIONS_IN_ROTATION = [
  'FIBROMYALGIA',
  'MULTIPLE_SCLEROSIS',
  'CRPS',
  'PAINFUL_DIABETIC_NEUROPATHY',
  'NEUROPATHIC_CORNEAL_PAIN',
  'CROHNS_DISEASE',
  'OTHER_CHRONIC_PAIN',
] as const;
