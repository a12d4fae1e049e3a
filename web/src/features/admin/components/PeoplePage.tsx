import { useState } from 'react';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { InvitationLink, type IssuedLink } from './InvitationLink.tsx';
import { InvitePersonForm } from './InvitePersonForm.tsx';
import { PeopleTable } from './PeopleTable.tsx';

/** The administrator's people: who can sign in, inviting someone new, and deactivating. */
export function PeoplePage() {
  const [issued, setIssued] = useState<IssuedLink | null>(null);
  return (
    <>
      <PageHeader title="People" subtitle="Everyone who signs in, across the network." />
      <Section title="Invite a person">
        <InvitePersonForm onInvited={setIssued} />
        {issued !== null && <InvitationLink issued={issued} />}
      </Section>
      <Section title="Everyone">
        <PeopleTable />
      </Section>
    </>
  );
}
