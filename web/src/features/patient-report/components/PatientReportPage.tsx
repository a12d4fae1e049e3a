import type { CombinedError } from '@urql/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useDocumentTitle } from '../../../components/ui/Page.tsx';
import { Loading } from '../../../components/ui/QueryState.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { apiErrorOf } from '../../../lib/errors.ts';
import { useLocation } from '../../../lib/router.tsx';
import {
  type PatientReportPage as Page,
  useConfirmPatientBirthDate,
  usePatientReportPage,
  useSubmitPatientReport,
} from '../api/patient-report.ts';
import { EVENING_NAMES, ReportForm } from './ReportForm.tsx';

/** The token of `/r/<token>`. */
const tokenOfPath = (pathname: string) =>
  decodeURIComponent(pathname.replace(/^\/r\//, '').split('/')[0] ?? '');

/** The server's words for a refusal, or a plain one when it gave none (no connection). */
function problemOf(error: CombinedError): string {
  const { code, serverMessage } = apiErrorOf(error);
  if (code === 'NOT_FOUND')
    return 'This link does not work. Check it was copied in full, or ask your clinic.';
  if (code === 'NETWORK')
    return 'We could not reach the clinic’s service. Check your connection and try again.';
  return serverMessage ?? 'Something went wrong. Try again.';
}

/**
 * The patient's report page (issue #19), outside the signed-in portal: made for a phone (390 px,
 * large targets), plain words, and nothing of the patient but their first name.
 */
export function PatientReportPage() {
  useDocumentTitle('Your evening report');
  const token = tokenOfPath(useLocation().pathname);
  const [{ data, error, fetching }] = usePatientReportPage(token);
  const [latest, setLatest] = useState<Page | null>(null);
  const page = latest ?? data?.patientReportPage ?? null;

  return (
    // biome-ignore lint/correctness/useUniqueElementIds: the one main landmark, the skip link's target
    <main id="main" className="patient-report" tabIndex={-1}>
      <p className="brand">LDN trial</p>
      {page === null && fetching && <Loading label="Loading your report page…" />}
      {page === null && error !== undefined && (
        <div className="notice notice-error" role="alert">
          <p>{problemOf(error)}</p>
        </div>
      )}
      {page !== null && <PageBody token={token} page={page} onChange={setLatest} />}
    </main>
  );
}

function PageBody({ token, page, onChange }: { token: string; page: Page; onChange: (page: Page) => void }) {
  if (page.state !== 'ACTIVE') {
    return (
      <>
        <h1>This link does not take reports</h1>
        <div className="notice notice-warning" role="alert">
          <p>{page.message}</p>
        </div>
      </>
    );
  }
  if (page.needsBirthDate) return <BirthDateStep token={token} onConfirmed={onChange} />;
  return <ReportStep token={token} page={page} onSent={onChange} />;
}

/** First use on this phone: the date of birth, so a lost link alone does not open the page. */
function BirthDateStep({ token, onConfirmed }: { token: string; onConfirmed: (page: Page) => void }) {
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [{ fetching, error }, confirm] = useConfirmPatientBirthDate();
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = await confirm({ token, dateOfBirth });
    if (result.data !== undefined) onConfirmed(result.data.confirmPatientBirthDate);
  };
  return (
    <>
      <h1>Welcome</h1>
      <p>To keep your answers private, please enter your date of birth. We ask this once on this phone.</p>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label="Your date of birth"
          type="date"
          required
          value={dateOfBirth}
          onChange={setDateOfBirth}
          error={error === undefined ? null : problemOf(error)}
          announce
        />
        <button type="submit" className="patient-button" disabled={fetching || dateOfBirth === ''}>
          Continue
        </button>
      </form>
    </>
  );
}

function ReportStep({ token, page, onSent }: { token: string; page: Page; onSent: (page: Page) => void }) {
  const [{ fetching, error }, submit] = useSubmitPatientReport();
  const [sentFor, setSentFor] = useState<string | null>(null);
  const sentNotice = useRef<HTMLOutputElement>(null);
  useEffect(() => {
    if (sentFor !== null) sentNotice.current?.focus();
  }, [sentFor]);
  return (
    <>
      <h1>Hello, {page.firstName}</h1>
      <dl className="patient-facts">
        <dt>Your dose tonight</dt>
        <dd>{page.currentDoseMg === null ? 'Not started yet' : `${page.currentDoseMg} mg`}</dd>
        <dt>Evenings reported</dt>
        <dd>{page.eveningsReported}</dd>
      </dl>
      {sentFor !== null && (
        <output ref={sentNotice} className="notice notice-success" tabIndex={-1}>
          <p>
            Thank you. Your report for{' '}
            {(EVENING_NAMES[page.evenings.findIndex((e) => e.evening === sentFor)] ?? sentFor).toLowerCase()}{' '}
            is sent.
          </p>
        </output>
      )}
      <ReportForm
        page={page}
        sending={fetching}
        problem={error === undefined ? null : problemOf(error)}
        onSubmit={async (report) => {
          const result = await submit({ token, report });
          if (result.data === undefined) return false;
          onSent(result.data.submitPatientReport);
          setSentFor(report.evening);
          return true;
        }}
      />
    </>
  );
}
