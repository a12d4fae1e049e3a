import { graphql, type ResultOf } from '../../../graphql/index.ts';
import { useLiveQuery } from '../../../lib/use-live-refetch.ts';

/** One order as the pharmacy sees it: only the patient details an order needs. */
export const PharmacyOrderQuery = graphql(`
  query PharmacyOrder($id: ID!) {
    pharmacyOrder(id: $id) {
      id
      rxNumber
      needBy
      state
      stateBeforeHold
      version
      kind
      formulation
      vehicle
      liquidStrengthMgPerMl
      clinicName
      pharmacy {
        name
        addressLine1
        addressLine2
        city
        region
        postalCode
        phone
      }
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
      compounding {
        compoundedByName
        compoundedAt
        compoundedByViewer
        verifiedByName
        verifiedAt
      }
      dispensedOn
      trackingNumber
      rejectionCode
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
        lotNumber
        beyondUseDate
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

/** The order, refetched when it (its state, lines or history) changes. */
export const usePharmacyOrder = (id: string) =>
  useLiveQuery({ query: PharmacyOrderQuery, variables: { id } }, (change) => change.orderId === id);
