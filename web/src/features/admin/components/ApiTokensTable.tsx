import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { EmptyState, ErrorNotice, QueryState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { type ApiTokenRow, useApiTokens, useRevokeApiToken } from '../api/api-tokens.ts';

const STATUS_TONE = { ACTIVE: 'success', EXPIRED: 'neutral', REVOKED: 'neutral' } as const;

/** Every token: for whom and what, who issued it when, its last use and expiry, and revoking it. */
export function ApiTokensTable() {
  const [result, refetch] = useApiTokens();
  const [, revokeApiToken] = useRevokeApiToken();
  const [revoking, setRevoking] = useState<string | null>(null);
  const [actionError, setActionError] = useState<CombinedError | null>(null);

  const revoke = async (token: ApiTokenRow) => {
    if (!window.confirm(`Revoke "${token.name}"? The system using it is refused from now on.`)) return;
    setRevoking(token.id);
    setActionError(null);
    const answer = await revokeApiToken({ id: token.id });
    setActionError(answer.error ?? null);
    setRevoking(null);
  };

  return (
    <QueryState
      result={result}
      loadingLabel="Loading tokens…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {({ apiTokens }) => (
        <>
          {actionError !== null && <ErrorNotice error={actionError} />}
          {apiTokens.length === 0 ? (
            <EmptyState>No token issued yet.</EmptyState>
          ) : (
            <ScrollArea label="API tokens">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">For</th>
                    <th scope="col">Organisation</th>
                    <th scope="col">Issued</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {apiTokens.map((token) => (
                    <tr key={token.id}>
                      <th scope="row">{token.name}</th>
                      <td>{token.organisation.name}</td>
                      <td>
                        {formatDateTime(token.createdAt)}
                        <span className="block small muted">by {token.createdByName}</span>
                      </td>
                      <td>{token.lastUsedAt === null ? 'Never' : formatDateTime(token.lastUsedAt)}</td>
                      <td>{token.expiresAt === null ? 'Never' : formatDateTime(token.expiresAt)}</td>
                      <td>
                        <Badge value={token.status} tone={STATUS_TONE[token.status]} />
                        {token.revokedAt !== null && (
                          <span className="block small muted">
                            {formatDateTime(token.revokedAt)}
                            {token.revokedByName !== null && ` by ${token.revokedByName}`}
                          </span>
                        )}
                      </td>
                      <td>
                        {token.status === 'ACTIVE' && (
                          <button
                            type="button"
                            className="button-danger"
                            aria-label={`Revoke ${token.name}`}
                            disabled={revoking !== null}
                            onClick={() => void revoke(token)}
                          >
                            {revoking === token.id ? 'Revoking…' : 'Revoke'}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          )}
        </>
      )}
    </QueryState>
  );
}
