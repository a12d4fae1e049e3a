import { useState } from 'react';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { InvitationLink, type IssuedLink } from './InvitationLink.tsx';
import { InvitePersonForm } from './InvitePersonForm.tsx';
import { PeopleTable } from './PeopleTable.tsx';

/**
 * The administrator's people: who can sign in, inviting someone new, changing a role, password
 * reset links, deactivating and reactivating.
 */
export function PeoplePage() {
  const [invitation, setInvitation] = useState<IssuedLink | null>(null);
  const [reset, setReset] = useState<IssuedLink | null>(null);
  return (
    <>
      <PageHeader title="People" subtitle="Everyone who signs in, across the network." />
      <Section title="Invite a person">
        <InvitePersonForm onInvited={setInvitation} />
        {invitation !== null && <InvitationLink key={invitation.link} issued={invitation} />}
      </Section>
      <Section title="Everyone">
        {reset !== null && <InvitationLink key={reset.link} issued={reset} />}
        <PeopleTable onIssued={setReset} />
      </Section>
    </>
  );
}
