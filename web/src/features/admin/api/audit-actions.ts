import { useQuery } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Every action the API writes to the audit log: the filter offers exactly these. */
export const AuditActionsQuery = graphql(`
  query AuditActions {
    auditActions
  }
`);

export const useAuditActions = () => useQuery({ query: AuditActionsQuery });
