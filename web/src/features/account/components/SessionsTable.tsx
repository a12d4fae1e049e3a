import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { EmptyState, ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useEndMySession } from '../api/end-my-session.ts';
import type { MySession } from '../api/my-sessions.ts';

const BROWSERS: ReadonlyArray<readonly [token: string, name: string]> = [
  ['Edg/', 'Edge'],
  ['Firefox/', 'Firefox'],
  ['Chrome/', 'Chrome'],
  ['Safari/', 'Safari'],
];

/** A browser's user-agent string, shortened to what a person recognises. */
export function browserOf(userAgent: string | null): string {
  if (userAgent === null || userAgent.trim() === '') return 'Unknown browser';
  // Most browsers also claim the others' names: the most specific one wins.
  const name = BROWSERS.find(([token]) => userAgent.includes(token))?.[1];
  const system = /(Windows|Mac OS X|Android|iPhone|iPad|Linux)/.exec(userAgent)?.[1];
  if (name === undefined) return userAgent.slice(0, 60);
  return system === undefined ? name : `${name} on ${system === 'Mac OS X' ? 'macOS' : system}`;
}

/** One's live sessions: this one marked, the others each with an End button. */
export function SessionsTable({
  sessions,
  onEnded,
}: {
  sessions: readonly MySession[];
  onEnded: () => void;
}) {
  const [, endMySession] = useEndMySession();
  const [ending, setEnding] = useState<string | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);

  const end = async (session: MySession) => {
    setEnding(session.id);
    setError(null);
    const answer = await endMySession({ id: session.id });
    setEnding(null);
    if (answer.error !== undefined) setError(answer.error);
    // Ended meanwhile elsewhere (NOT_FOUND) or ended now: either way the list is stale.
    onEnded();
  };

  if (sessions.length === 0) return <EmptyState>No live sessions.</EmptyState>;
  // This browser first, then the others as the API orders them (most recently used first).
  const ordered = [...sessions].sort((a, b) => Number(b.current) - Number(a.current));
  return (
    <>
      {error !== null && (
        <ErrorNotice error={error} wording={{ NOT_FOUND: 'That session had already ended.' }} />
      )}
      <ScrollArea label="Sessions">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last active</th>
              <th scope="col">Ends at the latest</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((session) => (
              <tr key={session.id} aria-current={session.current ? 'true' : undefined}>
                <th scope="row">{browserOf(session.userAgent)}</th>
                <td>{formatDateTime(session.createdAt)}</td>
                <td>{formatDateTime(session.lastSeenAt)}</td>
                <td>{formatDateTime(session.expiresAt)}</td>
                <td>
                  {session.current ? (
                    <Badge value="THIS_SESSION" tone="info" label="This session" />
                  ) : (
                    <button
                      type="button"
                      className="button-secondary"
                      aria-label={`End the session signed in ${formatDateTime(session.createdAt)}`}
                      disabled={ending !== null}
                      onClick={() => void end(session)}
                    >
                      {ending === session.id ? 'Ending…' : 'End session'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </>
  );
}
