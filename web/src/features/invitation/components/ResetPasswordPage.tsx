import { useResetPassword } from '../api/reset-password.ts';
import { SetPasswordPage } from './SetPasswordPage.tsx';

/** `/reset-password?token=…`: a person given a reset link chooses a new password. */
export function ResetPasswordPage() {
  const [result, resetPassword] = useResetPassword();
  return (
    <SetPasswordPage
      title="Choose a new password"
      intro="Your old password stops working once the new one is set."
      submitLabel="Set new password"
      fetching={result.fetching}
      error={result.error}
      submit={async (token, password) => {
        const answer = await resetPassword({ token, password });
        return { email: answer.data?.resetPassword.email ?? null };
      }}
    />
  );
}
