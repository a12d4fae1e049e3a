import { CONDITIONS, DISCONTINUATION_REASONS } from '@ldn/rules';
import { useCallback } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { DetailList } from '../../../components/ui/DetailList.tsx';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { EmptyState, QueryState } from '../../../components/ui/QueryState.tsx';
import { trialStateTone } from '../../../components/ui/tones.ts';
import { formatDate, formatDose, patientName } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import type { Role } from '../../auth/api/me.ts';
import { useSession } from '../../auth/session.tsx';
import { type TrialRecord, useTrial } from '../api/trial.ts';
import { PainChart } from './PainChart.tsx';
import { ResponsePreview } from './ResponsePreview.tsx';
import { TrialActions } from './TrialActions.tsx';
import { TrialClinicalRecords, TrialExceptions, TrialOrders } from './TrialRecords.tsx';
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
      {({ trial }) => <TrialView trial={trial} role={role} reload={reload} />}
    </QueryState>
  );
}

function nextStepText(trial: TrialRecord): string {
  const next = trial.status.nextStep;
  if (next === null) return trial.status.state === 'DISCONTINUED' ? '—' : 'Target reached';
  return `${formatDose(next.doseMg)} from ${formatDate(next.date)}${next.overdue ? ' (overdue)' : ''}`;
}

function windowText(trial: TrialRecord): string {
  const window = trial.status.assessmentWindow;
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

function TrialView({ trial, role, reload }: { trial: TrialRecord; role: Role | null; reload: () => void }) {
  const { status } = trial;
  const condition = CONDITIONS[trial.condition].label;
  return (
    <>
      <PageHeader
        title={`${condition} trial: ${patientName(trial.patient)}`}
        subtitle={
          <>
            <Link to={`/patients/${trial.patient.id}`}>Patient record</Link> · MRN {trial.patient.mrn} ·
            started {formatDate(trial.startDate)} · {trial.prescriber}
          </>
        }
      />
      <Section title="Status">
        <DetailList
          items={[
            ['State', <Badge key="state" value={status.state} tone={trialStateTone(status.state)} />],
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
      {role !== null && <TrialActions trial={trial} role={role} reload={reload} />}
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
        </Section>
      </div>
      <TrialClinicalRecords trial={trial} />
      <TrialExceptions trial={trial} />
      <TrialOrders trial={trial} />
    </>
  );
}
