import { useState } from 'react';
import { Badge, type BadgeTone } from '../../../components/ui/Badge.tsx';
import { DetailList } from '../../../components/ui/DetailList.tsx';
import { Section } from '../../../components/ui/Page.tsx';
import { QrCode } from '../../../components/ui/QrCode.tsx';
import { EmptyState } from '../../../components/ui/QueryState.tsx';
import { ShownOnceField } from '../../../components/ui/ShownOnceField.tsx';
import { apiErrorOf, describeApiError } from '../../../lib/errors.ts';
import { formatDate, formatDateTime, formatDose } from '../../../lib/format.ts';
import { useIssuePatientLink, useRevokePatientLink } from '../api/patient-link.ts';
import type { TrialRecord } from '../api/trial.ts';

const STATE_TONE: Record<string, BadgeTone> = {
  ACTIVE: 'success',
  REVOKED: 'neutral',
  EXPIRED: 'neutral',
  LOCKED: 'danger',
  TRIAL_ENDED: 'neutral',
};

const STATE_WORDS: Record<string, string> = {
  ACTIVE: 'Active',
  REVOKED: 'Revoked',
  EXPIRED: 'Expired',
  LOCKED: 'Locked (wrong dates of birth): issue a new one',
  TRIAL_ENDED: 'Ended with the trial',
};

/**
 * The patient link (issue #19): its state, issue (the URL and QR code shown this once) and revoke;
 * and what the patient's reports show: nights taken against nights supplied, gaps, each evening.
 */
export function PatientLinkSection({ trial, reload }: { trial: TrialRecord; reload: () => void }) {
  const [issue, issueLink] = useIssuePatientLink();
  const [revoke, revokeLink] = useRevokePatientLink();
  const [issuedUrl, setIssuedUrl] = useState<string | null>(null);
  const link = trial.patientLink;
  const ended = trial.endedOn !== null || trial.enteredInError;
  const error = issue.error ?? revoke.error;

  const onIssue = async () => {
    const result = await issueLink({ trialId: trial.id });
    if (result.data !== undefined) {
      setIssuedUrl(`${window.location.origin}${result.data.issuePatientLink.path}`);
      reload();
    }
  };
  const onRevoke = async () => {
    const result = await revokeLink({ trialId: trial.id });
    if (result.data !== undefined) {
      setIssuedUrl(null);
      reload();
    }
  };

  return (
    <Section title="Patient link">
      {link === null ? (
        <p>
          No link issued. With a link, the patient reports each evening from a phone: dose, pain and side
          effects.
        </p>
      ) : (
        <DetailList
          items={[
            [
              'State',
              <Badge
                key="state"
                value={link.state}
                label={STATE_WORDS[link.state]}
                tone={STATE_TONE[link.state]}
              />,
            ],
            ['Issued', `${formatDateTime(link.createdAt)} by ${link.createdByName}`],
            ['Works until', `${formatDateTime(link.expiresAt)}, or the end of the trial`],
          ]}
        />
      )}
      {issuedUrl !== null && (
        <div className="notice notice-info issued-link">
          <p>
            <strong>Shown this once:</strong> print it or send it to the patient now. The clinic keeps no
            copy.
          </p>
          <ShownOnceField label="Link for the patient" value={issuedUrl} noun="link" />
          <QrCode text={issuedUrl} label="QR code of the patient's link" />
        </div>
      )}
      {error !== undefined && (
        <div className="notice notice-error" role="alert">
          <p>{describeApiError(apiErrorOf(error))}</p>
        </div>
      )}
      {!ended && (
        <div className="button-row">
          <button type="button" onClick={onIssue} disabled={issue.fetching}>
            {link === null ? 'Issue a patient link' : 'Issue a new link'}
          </button>
          {link?.state === 'ACTIVE' && (
            <button type="button" className="button-secondary" onClick={onRevoke} disabled={revoke.fetching}>
              Revoke the link
            </button>
          )}
        </div>
      )}
      <Adherence trial={trial} />
    </Section>
  );
}

function Adherence({ trial }: { trial: TrialRecord }) {
  const adherence = trial.adherence;
  if (adherence === null) return null;
  const gaps = adherence.gaps.filter((gap) => gap.evenings > 0);
  return (
    <>
      <h3>Reports from home</h3>
      <DetailList
        items={[
          [
            'Nights reported taken',
            `${adherence.nightsTaken} of ${adherence.nightsSupplied} nights supplied`,
          ],
          ['Nights reported not taken', String(adherence.nightsNotTaken)],
          [
            'Last report',
            adherence.lastReportedOn === null ? 'None yet' : formatDate(adherence.lastReportedOn),
          ],
          [
            'Evenings with no report',
            gaps.length === 0
              ? 'None'
              : gaps
                  .map((gap) =>
                    gap.from === gap.to
                      ? formatDate(gap.from)
                      : `${formatDate(gap.from)} – ${formatDate(gap.to)}`,
                  )
                  .join('; '),
          ],
        ]}
      />
      {adherence.reports.length === 0 ? (
        <EmptyState>No report yet.</EmptyState>
      ) : (
        <table className="table">
          <caption className="visually-hidden">The patient’s evening reports, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Evening</th>
              <th scope="col">Dose</th>
              <th scope="col">Sent</th>
            </tr>
          </thead>
          <tbody>
            {adherence.reports.map((report) => (
              <tr key={report.id}>
                <td>{formatDate(report.evening)}</td>
                <td>{report.doseTaken === 'TAKEN' ? `Taken, ${formatDose(report.doseMg)}` : 'Not taken'}</td>
                <td>{report.late ? 'Late' : 'That evening'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
