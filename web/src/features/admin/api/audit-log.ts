import { useQuery } from 'urql';
import { graphql, type ResultOf, type VariablesOf } from '../../../graphql/index.ts';

/** A page of the audit log, newest first: staff and organisation names, record ids only. */
export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditLogFilter, $first: Int!, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          at
          actorId
          actorName
          patientLinkId
          organisationId
          organisationName
          action
          entity
          entityId
          entityIds
          requestId
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export type AuditLogFilter = NonNullable<VariablesOf<typeof AuditLogQuery>['filter']>;
export type AuditEntry = ResultOf<typeof AuditLogQuery>['auditLog']['edges'][number]['node'];

/** How many rows a page shows. */
export const AUDIT_PAGE_SIZE = 50;

/** One page of the log; `after` is the previous page's end cursor (null for the newest page). */
export const useAuditLog = (filter: AuditLogFilter, after: string | null) =>
  useQuery({
    query: AuditLogQuery,
    variables: { filter, first: AUDIT_PAGE_SIZE, after },
    // The log grows with every request: always ask the server, show the cached page meanwhile.
    requestPolicy: 'cache-and-network',
  });
