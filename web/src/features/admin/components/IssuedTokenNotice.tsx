import { ShownOnceField } from '../../../components/ui/ShownOnceField.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import type { IssuedApiToken } from '../api/api-tokens.ts';

/** A token just issued: the API keeps only its hash, so this is the one chance to copy it. */
export function IssuedTokenNotice({ issued }: { issued: IssuedApiToken }) {
  const { apiToken, token } = issued;
  return (
    <div className="notice notice-info">
      <p>
        A token for {apiToken.organisation.name} ({apiToken.name}) is ready
        {apiToken.expiresAt === null ? ', without expiry' : `, until ${formatDateTime(apiToken.expiresAt)}`}.
        Give it to the system as <code>Authorization: Bearer …</code>; it is not shown again.
      </p>
      <ShownOnceField label="API token" value={token} noun="token" />
    </div>
  );
}
