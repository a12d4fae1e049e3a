import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';

/** One order as the pharmacy sees it: only the patient details an order needs. */
export const PharmacyOrderQuery = graphql(`
  query PharmacyOrder($id: ID!) {
    pharmacyOrder(id: $id) {
      id
      state
      stateBeforeHold
      version
      kind
      formulation
      vehicle
      liquidStrengthMgPerMl
      clinicName
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
      patient {
        givenName
        familyName
        dateOfBirth
        phone
        allergies
        addressLine1
        addressLine2
        city
        region
        postalCode
      }
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

export type PharmacyOrder = ResultOf<typeof PharmacyOrderQuery>['pharmacyOrder'];

export const usePharmacyOrder = (id: string) => useQuery({ query: PharmacyOrderQuery, variables: { id } });
