import { useState } from 'react';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import type { IssuedApiToken } from '../api/api-tokens.ts';
import { ApiTokensTable } from './ApiTokensTable.tsx';
import { IssueApiTokenForm } from './IssueApiTokenForm.tsx';
import { IssuedTokenNotice } from './IssuedTokenNotice.tsx';

/**
 * The FHIR API's tokens: issuing one for a clinic's or a pharmacy's system (an EHR, a registry),
 * the tokens with their last use, and revoking them.
 */
export function ApiTokensPage() {
  const [issued, setIssued] = useState<IssuedApiToken | null>(null);
  return (
    <>
      <PageHeader
        title="API tokens"
        subtitle="Read-only access for another system to one organisation's records through the FHIR API."
      />
      <Section title="Issue a token">
        <IssueApiTokenForm onIssued={setIssued} />
        {issued !== null && <IssuedTokenNotice key={issued.token} issued={issued} />}
      </Section>
      <Section title="Tokens">
        <ApiTokensTable />
      </Section>
    </>
  );
}
