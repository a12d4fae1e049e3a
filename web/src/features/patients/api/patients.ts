import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';

/** One page of the clinic's patients matching a search (name words, a birth date, an MRN prefix). */
export const PatientsQuery = graphql(`
  query Patients($search: String, $first: Int, $after: String) {
    patients(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          id
          givenName
          familyName
          dateOfBirth
          mrn
        }
      }
    }
  }
`);

export type PatientListItem = ResultOf<typeof PatientsQuery>['patients']['edges'][number]['node'];

export const PATIENTS_PAGE_SIZE = 20;
const context = { additionalTypenames: ['Patient'] };

export const usePatients = (search: string, after: string | null) =>
  useQuery({
    query: PatientsQuery,
    variables: { search: search === '' ? null : search, first: PATIENTS_PAGE_SIZE, after },
    context,
  });
