import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';

/**
 * What an order form needs: the trial's recorded schedule (for the rules package's preview), its
 * orders and policy (for the overlap check), the patient's address and allergies, the pharmacies
 * the clinic may send orders to, and who is asking.
 */
export const OrderFormTrialQuery = graphql(`
  query OrderFormTrial($trialId: ID!) {
    me {
      id
      role
    }
    orderPharmacies {
      id
      name
      city
      isDefault
    }
    trial(id: $trialId) {
      id
      state
      condition
      startDate
      maintenanceDoseMg
      prescriber
      patient {
        id
        givenName
        familyName
        dateOfBirth
        mrn
        allergies
        addressLine1
        addressLine2
        city
        region
        postalCode
      }
      doseChanges {
        id
        changedOn
        doseMg
        enteredInError
      }
      policy {
        overrideReasonMinimumWords
      }
      orders {
        id
        state
        dispensedOn
        lines {
          daysSupply
          startsOn
        }
      }
    }
  }
`);

export type OrderFormTrial = ResultOf<typeof OrderFormTrialQuery>['trial'];
export type OrderPharmacy = ResultOf<typeof OrderFormTrialQuery>['orderPharmacies'][number];

export const useOrderFormTrial = (trialId: string) =>
  useQuery({ query: OrderFormTrialQuery, variables: { trialId } });
