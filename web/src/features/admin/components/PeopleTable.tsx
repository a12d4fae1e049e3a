import type { CombinedError } from '@urql/core';
import { Fragment, useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { EmptyState, ErrorNotice, QueryState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { humanize } from '../../../lib/format.ts';
import { useDeactivatePerson } from '../api/deactivate-person.ts';
import { type PersonRow, usePeople } from '../api/people.ts';
import { useReactivatePerson } from '../api/reactivate-person.ts';
import { useResetPasswordLink } from '../api/reset-password-link.ts';
import { ROLES_OF } from '../roles.ts';
import { ChangeRoleForm } from './ChangeRoleForm.tsx';
import type { IssuedLink } from './InvitationLink.tsx';

/** Whether a person can sign in, in words. */
function StatusBadge({ person }: { person: PersonRow }) {
  if (!person.active) return <Badge value="DEACTIVATED" tone="neutral" />;
  if (person.invitationPending) return <Badge value="INVITATION_PENDING" tone="warning" />;
  return <Badge value="ACTIVE" tone="success" />;
}

type Busy = { personId: string; action: 'deactivate' | 'reactivate' | 'reset' } | null;

/**
 * Everyone, with what can be done to each: change role (where the organisation has another),
 * a password reset link, deactivate; reactivate for those deactivated.
 */
export function PeopleTable({ onIssued }: { onIssued: (issued: IssuedLink) => void }) {
  const [result, refetch] = usePeople();
  const [, deactivatePerson] = useDeactivatePerson();
  const [, reactivatePerson] = useReactivatePerson();
  const [, resetPasswordLink] = useResetPasswordLink();
  const [busy, setBusy] = useState<Busy>(null);
  const [actionError, setActionError] = useState<CombinedError | null>(null);
  const [changingRoleOf, setChangingRoleOf] = useState<string | null>(null);

  const run = async (next: NonNullable<Busy>, act: () => Promise<{ error?: CombinedError | undefined }>) => {
    setBusy(next);
    setActionError(null);
    const answer = await act();
    setActionError(answer.error ?? null);
    setBusy(null);
  };

  const deactivate = (person: PersonRow) => {
    if (!window.confirm(`Deactivate ${person.name}? They are signed out and cannot sign in again.`)) return;
    void run({ personId: person.id, action: 'deactivate' }, () => deactivatePerson({ userId: person.id }));
  };
  const reactivate = (person: PersonRow) =>
    void run({ personId: person.id, action: 'reactivate' }, () => reactivatePerson({ userId: person.id }));
  const resetLink = (person: PersonRow) =>
    void run({ personId: person.id, action: 'reset' }, async () => {
      const answer = await resetPasswordLink({ userId: person.id });
      const issued = answer.data?.resetPasswordLink;
      if (issued !== undefined) {
        onIssued({
          kind: 'PASSWORD_RESET',
          link: issued.link,
          expiresAt: issued.expiresAt,
          personName: issued.person.name,
        });
      }
      return answer;
    });

  const busyWith = (person: PersonRow, action: NonNullable<Busy>['action']) =>
    busy?.personId === person.id && busy.action === action;

  return (
    <QueryState
      result={result}
      loadingLabel="Loading people…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {({ people }) => (
        <>
          {actionError !== null && <ErrorNotice error={actionError} />}
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
                    <Fragment key={person.id}>
                      <tr>
                        <th scope="row">{person.name}</th>
                        <td>{person.email}</td>
                        <td>
                          {humanize(person.role)}
                          {person.npi !== null && <span className="block small muted">NPI {person.npi}</span>}
                        </td>
                        <td>{person.organisation.name}</td>
                        <td>
                          <StatusBadge person={person} />
                        </td>
                        <td>
                          <div className="button-row">
                            {person.active && ROLES_OF[person.organisation.kind].length > 1 && (
                              <button
                                type="button"
                                className="button-secondary"
                                aria-expanded={changingRoleOf === person.id}
                                onClick={() =>
                                  setChangingRoleOf(changingRoleOf === person.id ? null : person.id)
                                }
                              >
                                Change role<span className="visually-hidden"> of {person.name}</span>
                              </button>
                            )}
                            {person.active && (
                              <button
                                type="button"
                                className="button-secondary"
                                disabled={busy !== null}
                                onClick={() => resetLink(person)}
                              >
                                {busyWith(person, 'reset') ? 'Creating link…' : 'Reset link'}
                                <span className="visually-hidden"> for {person.name}</span>
                              </button>
                            )}
                            {person.active ? (
                              <button
                                type="button"
                                className="button-danger"
                                aria-label={`Deactivate ${person.name}`}
                                disabled={busy !== null}
                                onClick={() => deactivate(person)}
                              >
                                {busyWith(person, 'deactivate') ? 'Deactivating…' : 'Deactivate'}
                              </button>
                            ) : (
                              <button
                                type="button"
                                className="button-secondary"
                                disabled={busy !== null}
                                onClick={() => reactivate(person)}
                              >
                                {busyWith(person, 'reactivate') ? 'Reactivating…' : 'Reactivate'}
                                <span className="visually-hidden"> {person.name}</span>
                              </button>
                            )}
                          </div>
                        </td>
                      </tr>
                      {changingRoleOf === person.id && person.active && (
                        <tr>
                          <td colSpan={6}>
                            <ChangeRoleForm person={person} onDone={() => setChangingRoleOf(null)} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
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
