import { CONDITIONS, START_DOSE_MG, type TitrationPlan } from '@ldn/rules';
import type { CombinedError } from '@urql/core';
import { DetailList } from '../../../components/ui/DetailList.tsx';
import { Section } from '../../../components/ui/Page.tsx';
import { formatDate, formatDose } from '../../../lib/format.ts';
import type { ConditionCode } from '../api/start-trial-context.ts';
import { RefusalNotice } from './RefusalNotice.tsx';
import { TitrationPlanPreview } from './TitrationPlanPreview.tsx';

/** What the clinician confirms before the trial exists: nothing is created until "Start the trial". */
export interface StartSummary {
  condition: ConditionCode;
  startDate: string;
  plan: TitrationPlan;
  overrides: readonly { code: string; reason: string }[];
}

/**
 * The review step of a trial start (issue 15): a trial started by mistake cannot be taken back
 * without counting as a discontinuation, so the start is confirmed from a summary, not one click.
 */
export function StartTrialConfirmation({
  summary,
  starting,
  refusal,
  onBack,
  onStart,
}: {
  summary: StartSummary;
  starting: boolean;
  refusal: CombinedError | null;
  onBack: () => void;
  onStart: () => void;
}) {
  return (
    <Section title="Review and start">
      <DetailList
        items={[
          ['Condition', CONDITIONS[summary.condition].label],
          ['Start date', formatDate(summary.startDate)],
          ['First nightly dose', `${formatDose(START_DOSE_MG)} at bedtime`],
        ]}
      />
      <h3>Titration plan</h3>
      <TitrationPlanPreview plan={summary.plan} />
      <h3>Overrides</h3>
      {summary.overrides.length === 0 ? (
        <p className="empty">No soft stop overridden.</p>
      ) : (
        <ul aria-label="Overrides">
          {summary.overrides.map((override) => (
            <li key={override.code}>
              <code>{override.code}</code>: {override.reason}
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <RefusalNotice error={refusal} />
        <button type="button" className="button-secondary" onClick={onBack} disabled={starting}>
          Back
        </button>
        <button type="button" onClick={onStart} disabled={starting}>
          {starting ? 'Starting the trial…' : 'Start the trial'}
        </button>
      </div>
    </Section>
  );
}
