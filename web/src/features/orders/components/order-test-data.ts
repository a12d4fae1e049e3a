import { ORDER_SIGNATURE_MEANING } from '@ldn/rules';
import { fireEvent, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createElement } from 'react';
import { Provider } from 'urql';
import { createApiClient } from '../../../lib/client.ts';
import { RouterProvider } from '../../../lib/router.tsx';

/** Renders a page with the router and an API client whose fetch the test mocks. */
export function renderWithApi(page: ReactNode) {
  const client = createApiClient({ onUnauthenticated: () => {}, url: 'http://localhost/graphql' });
  return render(createElement(RouterProvider, null, createElement(Provider, { value: client }, page)));
}

/** The signed-in person as the order queries ask for it. */
export const viewer = (role: 'CLINICIAN' | 'COORDINATOR') => ({ __typename: 'Me', id: `${role}-1`, role });

/** A titrating trial as the order form's query returns it (a start in the future: the pack starts with it). */
export function aTrial(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Trial',
    id: 'trial-1',
    state: 'TITRATING',
    condition: 'FIBROMYALGIA',
    startDate: '2099-03-01',
    maintenanceDoseMg: null,
    prescriber: 'Dr. Priya Raman',
    patient: {
      __typename: 'Patient',
      id: 'patient-1',
      givenName: 'Ann',
      familyName: 'Lee',
      dateOfBirth: '1970-01-02',
      mrn: 'MRN-1',
      allergies: null,
      addressLine1: '1 Main St',
      addressLine2: null,
      city: 'Springfield',
      region: 'OR',
      postalCode: '97477',
    },
    doseChanges: [],
    policy: { __typename: 'ClinicPolicy', overrideReasonMinimumWords: 3 },
    orders: [],
    ...overrides,
  };
}

/** The pharmacies the clinic may send orders to (`orderPharmacies`), the default first. */
export const PHARMACIES = [
  {
    __typename: 'OrderPharmacy',
    id: 'pharmacy-1',
    name: 'CareRx Compounding',
    city: 'Springfield',
    isDefault: true,
  },
  { __typename: 'OrderPharmacy', id: 'pharmacy-2', name: 'Apex Compounding', city: null, isDefault: false },
];

/** The order form's query answered for a role, a trial and the clinic's pharmacies. */
export const orderFormAnswer = (
  role: 'CLINICIAN' | 'COORDINATOR' = 'CLINICIAN',
  trial = aTrial(),
  orderPharmacies = PHARMACIES,
) => ({ data: { me: viewer(role), trial, orderPharmacies } });

/** The signature of an order signed by Dr. Raman on 1 March 2099. */
export const aSignature = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'OrderSignature',
  signerName: 'Dr. Priya Raman',
  signedAt: '2099-03-01T10:00:00.000Z',
  meaning: ORDER_SIGNATURE_MEANING,
  matchesOrder: true,
  ...overrides,
});

/** A clinic order in a state and version (signed once it is past DRAFT). */
export function anOrder(state: string, version: number, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ClinicOrder',
    id: 'order-1',
    trialId: 'trial-1',
    patient: {
      __typename: 'Patient',
      id: 'patient-1',
      givenName: 'Ann',
      familyName: 'Lee',
      dateOfBirth: '1970-01-02',
      mrn: 'MRN-1',
    },
    state,
    stateBeforeHold: null,
    version,
    kind: 'TITRATION_PACK',
    formulation: 'CAPSULE',
    vehicle: null,
    liquidStrengthMgPerMl: null,
    pharmacyId: 'pharmacy-1',
    pharmacyName: 'CareRx Compounding',
    prescriberName: 'Dr. Priya Raman',
    prescriberNpi: '1234567893',
    submittedAt: state === 'DRAFT' ? null : '2099-03-01T10:00:00.000Z',
    rxNumber: state === 'DRAFT' ? null : 1042,
    needBy: '2099-03-01',
    signature: state === 'DRAFT' ? null : aSignature(),
    refills: 0,
    totalDaysSupply: 58,
    excipientNotes: null,
    allergies: null,
    payment: 'SELF_PAY',
    insuranceNote: null,
    delivery: 'SHIP',
    shipToLine1: '1 Main St',
    shipToLine2: null,
    shipToCity: 'Springfield',
    shipToRegion: 'OR',
    shipToPostal: '97477',
    lotNumber: null,
    beyondUseDate: null,
    budReason: null,
    compoundedOn: null,
    dispensedOn: null,
    trackingNumber: null,
    rejectionCode: null,
    rejectionReason: null,
    lines: [
      aLine(1, 1.5, 14, '2099-03-01', ' for 14 nights'),
      aLine(2, 3, 14, '2099-03-15', ' for 14 nights'),
      aLine(3, 4.5, 30, '2099-03-29', ''),
    ],
    overrides: [],
    events: [
      {
        __typename: 'OrderEvent',
        at: '2099-02-27T09:00:00.000Z',
        actorName: 'Dr. Priya Raman',
        fromState: null,
        toState: 'DRAFT',
        reason: null,
      },
    ],
    ...overrides,
  };
}

function aLine(sequence: number, doseMg: number, nights: number, startsOn: string, suffix: string) {
  return {
    __typename: 'OrderLine',
    sequence,
    nightlyDoseMg: doseMg,
    strength: doseMg,
    strengthUnit: 'mg',
    amountPerNight: 1,
    quantity: nights,
    quantityUnit: 'capsule',
    daysSupply: nights,
    startsOn,
    directions: `Take one ${doseMg.toFixed(1)} mg capsule by mouth at bedtime${suffix}`,
  };
}

/** The short answer of an order mutation. */
export const moved = (field: string, state: string, version: number) => ({
  data: { [field]: { __typename: 'ClinicOrder', id: 'order-1', state, version } },
});

/** Types into a labelled field. */
export function typeInto(field: HTMLElement, value: string): void {
  fireEvent.change(field, { target: { value } });
}
