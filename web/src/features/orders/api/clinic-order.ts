import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';

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

export const useClinicOrder = (id: string) => useQuery({ query: ClinicOrderQuery, variables: { id } });
