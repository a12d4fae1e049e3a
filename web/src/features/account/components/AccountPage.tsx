import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { QueryState } from '../../../components/ui/QueryState.tsx';
import { useMySessions } from '../api/my-sessions.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { SessionsTable } from './SessionsTable.tsx';

/** Everyone's own account: changing the password, seeing and ending one's sessions. */
export function AccountPage() {
  const [sessions, refetchSessions] = useMySessions();
  const reloadSessions = () => refetchSessions({ requestPolicy: 'network-only' });
  return (
    <>
      <PageHeader title="Your account" subtitle="Your password and where you are signed in." />
      <Section title="Change your password">
        <ChangePasswordForm onChanged={reloadSessions} />
      </Section>
      <Section title="Where you are signed in">
        <QueryState result={sessions} loadingLabel="Loading your sessions…" onRetry={reloadSessions}>
          {({ mySessions }) => <SessionsTable sessions={mySessions} onEnded={reloadSessions} />}
        </QueryState>
      </Section>
    </>
  );
}
