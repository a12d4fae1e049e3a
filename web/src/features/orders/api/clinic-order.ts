import { graphql, type ResultOf } from '../../../graphql/index.ts';
import { useLiveQuery } from '../../../lib/use-live-refetch.ts';

/** One order of the clinic with its lines and history, and the role of who is reading it. */
export const ClinicOrderQuery = graphql(`
  query ClinicOrder($id: ID!) {
    me {
      id
      role
    }
    order(id: $id) {
      id
      trialId
      patient {
        id
        givenName
        familyName
        dateOfBirth
        mrn
      }
      rxNumber
      needBy
      state
      stateBeforeHold
      version
      kind
      formulation
      vehicle
      liquidStrengthMgPerMl
      pharmacyId
      pharmacyName
      prescriberName
      prescriberNpi
      submittedAt
      signature {
        signerName
        signedAt
        meaning
        matchesOrder
      }
      refills
      totalDaysSupply
      excipientNotes
      allergies
      payment
      insuranceNote
      delivery
      shipToLine1
      shipToLine2
      shipToCity
      shipToRegion
      shipToPostal
      lotNumber
      beyondUseDate
      budReason
      compoundedOn
      dispensedOn
      trackingNumber
      rejectionCode
      rejectionReason
      lines {
        sequence
        nightlyDoseMg
        strength
        strengthUnit
        amountPerNight
        quantity
        quantityUnit
        daysSupply
        startsOn
        directions
      }
      overrides {
        code
        reason
        givenBy
        givenAt
      }
      events {
        at
        actorName
        fromState
        toState
        reason
      }
    }
  }
`);

export type ClinicOrder = ResultOf<typeof ClinicOrderQuery>['order'];
/** The reader's role: only a clinician submits. */
export type ViewerRole = NonNullable<ResultOf<typeof ClinicOrderQuery>['me']>['role'];

/** The order, refetched when it (its state, lines or history) changes. */
export const useClinicOrder = (id: string) =>
  useLiveQuery({ query: ClinicOrderQuery, variables: { id } }, (change) => change.orderId === id);
