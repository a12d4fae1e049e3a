import 'reflect-metadata';
import { NEXT_ACTION_CODES } from '@ldn/rules';
import { getMetadataStorage } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../graphql/schema.ts';
import { routingOf, type WorklistCode } from './worklist-routing.ts';

// The mutation that clears each kind of item, named here independently of the routing table.
const CLEARED_BY: Record<WorklistCode, string> = {
  DOSE_STEP_DUE: 'changeDose',
  DOSE_STEP_OVERDUE: 'changeDose',
  STEP_DOWN_TO_MAINTENANCE: 'changeDose',
  ASSESSMENT_WINDOW_OPEN: 'assessResponse',
  ASSESSMENT_OVERDUE: 'assessResponse',
  REASSESSMENT_DUE: 'assessResponse',
  TRIAL_ON_HOLD: 'resumeTrial',
  ORDER_REJECTED: 'createOrder',
  ORDER_ON_HOLD: 'releaseOrderHold',
  REFILL_RUNNING_OUT: 'createOrder',
  ORDER_AWAITING_SIGNATURE: 'submitOrder',
  POSSIBLE_OPIOID_REVIEW: 'confirmPossibleOpioid',
  // Cleared by the patient's next report; the clinic may hand over a new link meanwhile.
  PATIENT_REPORTS_MISSING: 'issuePatientLink',
  // Cleared by scores in the window: the patient's, or a visit's the clinic records.
  ASSESSMENT_FEW_SCORES: 'recordVisitScores',
  PATIENT_SIDE_EFFECT_TO_REVIEW: 'reviewPatientAdverseEffect',
};

describe('routingOf', () => {
  beforeAll(async () => {
    await createSchema();
  });

  const rolesOfMutation = (name: string) => {
    const storage = getMetadataStorage();
    const mutation = storage.mutations.find((m) => m.schemaName === name);
    const authorized = storage.authorizedFields.find(
      (a) => a.target === mutation?.target && a.fieldName === mutation?.methodName,
    );
    return [...(authorized?.roles ?? [])].sort();
  };

  it('routes every next action of a trial', () => {
    for (const code of NEXT_ACTION_CODES) expect(CLEARED_BY[code]).toBeDefined();
  });

  it.each(Object.entries(CLEARED_BY))('offers %s to exactly the roles %s allows', (code, mutation) => {
    const { actionableBy } = routingOf(code as WorklistCode, 'CLINICIAN');
    expect([...actionableBy].sort()).toEqual(rolesOfMutation(mutation));
  });

  it.each([
    ['ORDER_AWAITING_SIGNATURE', 'COORDINATOR', 'CLINICIAN', true],
    ['ORDER_AWAITING_SIGNATURE', 'CLINICIAN', null, true],
    ['POSSIBLE_OPIOID_REVIEW', 'COORDINATOR', 'CLINICIAN', true],
    ['DOSE_STEP_DUE', 'COORDINATOR', 'CLINICIAN', false],
    ['REFILL_RUNNING_OUT', 'COORDINATOR', null, false],
    ['TRIAL_ON_HOLD', 'CLINICIAN', null, false],
  ] as const)('a %s item, seen by a %s, waits for %s (inbox: %s)', (code, viewer, waitsFor, inbox) => {
    expect(routingOf(code, viewer)).toMatchObject({ waitsFor, inbox });
  });
});
