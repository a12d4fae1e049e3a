import { useAcceptInvitation } from '../api/accept-invitation.ts';
import { SetPasswordPage } from './SetPasswordPage.tsx';

/** `/accept-invitation?token=…`: the invited person chooses their first password. */
export function AcceptInvitationPage() {
  const [result, acceptInvitation] = useAcceptInvitation();
  return (
    <SetPasswordPage
      title="Accept your invitation"
      intro="Choose the password you will sign in with."
      submitLabel="Set password"
      fetching={result.fetching}
      error={result.error}
      submit={async (token, password) => {
        const answer = await acceptInvitation({ token, password });
        return { email: answer.data?.acceptInvitation.email ?? null };
      }}
    />
  );
}
