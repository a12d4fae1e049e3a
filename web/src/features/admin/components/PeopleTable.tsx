import { useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { EmptyState, ErrorNotice, QueryState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { humanize } from '../../../lib/format.ts';
import { useDeactivatePerson } from '../api/deactivate-person.ts';
import { type PersonRow, usePeople } from '../api/people.ts';

/** Whether a person can sign in, in words. */
function StatusBadge({ person }: { person: PersonRow }) {
  if (!person.active) return <Badge value="DEACTIVATED" tone="neutral" />;
  if (person.invitationPending) return <Badge value="INVITATION_PENDING" tone="warning" />;
  return <Badge value="ACTIVE" tone="success" />;
}

/** Everyone, with a Deactivate button for those still active. */
export function PeopleTable() {
  const [result, refetch] = usePeople();
  const [deactivation, deactivatePerson] = useDeactivatePerson();
  const [deactivating, setDeactivating] = useState<string | null>(null);

  const deactivate = async (person: PersonRow) => {
    if (!window.confirm(`Deactivate ${person.name}? They are signed out and cannot sign in again.`)) return;
    setDeactivating(person.id);
    await deactivatePerson({ userId: person.id });
    setDeactivating(null);
  };

  return (
    <QueryState
      result={result}
      loadingLabel="Loading people…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {({ people }) => (
        <>
          {deactivation.error && <ErrorNotice error={deactivation.error} />}
          {people.length === 0 ? (
            <EmptyState>Nobody yet.</EmptyState>
          ) : (
            <ScrollArea label="People">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Role</th>
                    <th scope="col">Organisation</th>
                    <th scope="col">Status</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {people.map((person) => (
                    <tr key={person.id}>
                      <th scope="row">{person.name}</th>
                      <td>{person.email}</td>
                      <td>{humanize(person.role)}</td>
                      <td>{person.organisation.name}</td>
                      <td>
                        <StatusBadge person={person} />
                      </td>
                      <td>
                        {person.active && (
                          <button
                            type="button"
                            className="button-danger"
                            aria-label={`Deactivate ${person.name}`}
                            disabled={deactivating !== null}
                            onClick={() => void deactivate(person)}
                          >
                            {deactivating === person.id ? 'Deactivating…' : 'Deactivate'}
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
