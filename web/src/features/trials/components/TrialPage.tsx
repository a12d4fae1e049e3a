import { CONDITIONS, DISCONTINUATION_REASONS } from '@ldn/rules';
import { useCallback } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { DetailList } from '../../../components/ui/DetailList.tsx';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { PatientBanner } from '../../../components/ui/PatientBanner.tsx';
import { EmptyState, QueryState } from '../../../components/ui/QueryState.tsx';
import { trialStateTone } from '../../../components/ui/tones.ts';
import { formatDate, formatDateTime, formatDose, patientName } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import type { Role } from '../../auth/api/me.ts';
import { useSession } from '../../auth/session.tsx';
import { type TrialRecord, useTrial } from '../api/trial.ts';
import { mayMarkTrialRecords } from '../trial-record-corrections.ts';
import { PainChart } from './PainChart.tsx';
import { PainScoreList } from './PainScoreList.tsx';
import { PatientLinkSection } from './PatientLinkSection.tsx';
import { ResponsePreview } from './ResponsePreview.tsx';
import { TrialActions } from './TrialActions.tsx';
import { TrialClinicalRecords, TrialDoseChanges, TrialExceptions, TrialOrders } from './TrialRecords.tsx';
import { TrialTimeline } from './TrialTimeline.tsx';

/** One trial on one page: status, the actions its state allows, timeline, pain chart and every record. */
export function TrialPage({ trialId }: { trialId: string }) {
  const [result, refetch] = useTrial(trialId);
  // The signed-in person's role decides which actions the page offers (the API checks it again).
  const { session } = useSession();
  const role = session.status === 'signed-in' ? session.me.role : null;
  const reload = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  return (
    <QueryState
      result={result}
      loadingLabel="Loading the trial…"
      wording={{ NOT_FOUND: 'This trial is not in your clinic’s records.' }}
      onRetry={reload}
    >
      {({ trial }) => (
        // A trial entered in error stays readable, its content greyed and struck through (styles.css).
        <div className={trial.enteredInError ? 'trial-entered-in-error' : undefined}>
          <TrialView trial={trial} role={role} reload={reload} />
        </div>
      )}
    </QueryState>
  );
}

function nextStepText(trial: TrialRecord): string {
  const next = trial.status.nextStep;
  if (next === null) {
    const nothingNext = trial.status.state === 'DISCONTINUED' || trial.status.enteredInError;
    return nothingNext ? '—' : 'Target reached';
  }
  return `${formatDose(next.doseMg)} from ${formatDate(next.date)}${next.overdue ? ' (overdue)' : ''}`;
}

function windowText(trial: TrialRecord): string {
  const window = trial.status.assessmentWindow;
  // Entered in error: nothing is due, so no window is derived.
  if (trial.status.enteredInError) return '—';
  if (window === null) return 'Not yet known (opens 4 weeks after the target dose begins)';
  // `open` and `overdue` are true only while an assessment is awaited (rules: deriveTrialStatus).
  const awaitedNoMore: Partial<Record<string, string>> = {
    CONTINUING: 'assessed',
    DISCONTINUED: 'trial ended',
    ON_HOLD: 'paused while on hold',
  };
  const state = window.overdue
    ? 'overdue'
    : window.open
      ? 'open now'
      : (awaitedNoMore[trial.status.state] ?? 'not open yet');
  return `${formatDate(window.opensOn)} – ${formatDate(window.dueBy)} (${state})`;
}

/** Who marked the trial entered in error, when and why; and that it now counts nowhere. */
function EnteredInErrorNotice({ trial }: { trial: TrialRecord }) {
  return (
    <div className="notice notice-error entered-in-error-notice" role="note" aria-label="Entered in error">
      <p>
        <strong>Entered in error</strong> by {trial.enteredInErrorByName ?? 'a clinician'} on{' '}
        {formatDateTime(trial.enteredInErrorAt)}: {trial.enteredInErrorReason}
      </p>
      <p>
        This trial was started by mistake: it is kept on the record but counts nowhere (no worklist line, no
        figure), and its open orders were cancelled. Nothing more can be recorded on it.
      </p>
    </div>
  );
}

function TrialView({ trial, role, reload }: { trial: TrialRecord; role: Role | null; reload: () => void }) {
  const { status } = trial;
  // Clinicians may mark a dose change, an adverse effect or an assessment entered in error.
  const correcting = mayMarkTrialRecords(trial, role);
  const condition = CONDITIONS[trial.condition].label;
  return (
    <>
      <PatientBanner patient={trial.patient} />
      <PageHeader
        title={`${condition} trial: ${patientName(trial.patient)}`}
        subtitle={
          <>
            <Link to={`/patients/${trial.patient.id}`}>Patient record</Link> · MRN {trial.patient.mrn} ·
            started {formatDate(trial.startDate)} · {trial.prescriber}
          </>
        }
      />
      {trial.enteredInError && <EnteredInErrorNotice trial={trial} />}
      <Section title="Status">
        <DetailList
          items={[
            [
              'State',
              status.enteredInError ? (
                <Badge key="state" value="ENTERED_IN_ERROR" tone="danger" label="Entered in error" />
              ) : (
                <Badge key="state" value={status.state} tone={trialStateTone(status.state)} />
              ),
            ],
            ['Current dose', `${formatDose(status.currentDoseMg)} at bedtime`],
            ['Next step', nextStepText(trial)],
            [
              'Target',
              `${formatDose(status.targetDoseMg)}${trial.maintenanceDoseMg === null ? '' : ' (maintenance)'}${
                status.targetReachedOn === null ? '' : `, from ${formatDate(status.targetReachedOn)}`
              }`,
            ],
            ['Assessment window', windowText(trial)],
            ['Baseline pain', `${trial.baseline.score} of 10 on ${formatDate(trial.baseline.date)}`],
            ['Days on therapy', status.daysOnTherapy === null ? '—' : String(status.daysOnTherapy)],
            ...(status.onHold === null
              ? []
              : ([['On hold', `since ${formatDate(status.onHold.since)}`]] as const)),
            ...(trial.discontinuationReason === null
              ? []
              : ([
                  [
                    'Discontinued',
                    `${formatDate(status.discontinuedOn)}: ${DISCONTINUATION_REASONS[trial.discontinuationReason]}`,
                  ],
                ] as const)),
          ]}
        />
        {status.actions.length > 0 && (
          <ul className="actions-needed" aria-label="Needs doing">
            {status.actions.map((action) => (
              <li key={`${action.code}-${action.date}`}>
                <Badge value={action.code} tone={action.code.endsWith('OVERDUE') ? 'danger' : 'info'} />{' '}
                {action.message}
              </li>
            ))}
          </ul>
        )}
        <ResponsePreview trial={trial} />
      </Section>
      {role !== null && !trial.enteredInError && <TrialActions trial={trial} role={role} reload={reload} />}
      <div className="grid-2 grid-wide-right">
        <Section title="Timeline">
          <TrialTimeline
            asOf={trial.asOf}
            source={{
              timeline: status.timeline,
              holds: trial.holds,
              assessmentWindow: status.assessmentWindow,
              assessments: trial.assessments,
              discontinuedOn: status.discontinuedOn,
            }}
          />
        </Section>
        <Section title="Pain scores">
          {trial.painScores.length === 0 ? (
            <EmptyState>No pain score since the baseline.</EmptyState>
          ) : (
            <PainChart
              scores={trial.painScores.map((score) => ({ date: score.scoredOn, score: score.score }))}
              baseline={trial.baseline}
              reductionLinesPercent={[
                trial.policy.responseThresholdsPercent.meaningful,
                trial.policy.responseThresholdsPercent.substantial,
              ]}
              window={status.assessmentWindow}
            />
          )}
          {trial.painScores.length > 0 && <PainScoreList trial={trial} />}
        </Section>
      </div>
      <PatientLinkSection trial={trial} reload={reload} />
      <TrialDoseChanges trial={trial} correcting={correcting} />
      <TrialClinicalRecords trial={trial} correcting={correcting} />
      <TrialExceptions trial={trial} />
      <TrialOrders trial={trial} />
    </>
  );
}
