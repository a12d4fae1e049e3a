import {
  blocksAnotherStart,
  type ClinicPolicy,
  CONDITION_CODES,
  CONDITIONS,
  checkTrialStart,
  isIsoDate,
  isRuleInputError,
  START_DOSE_MG,
  type TrialStartResult,
} from '@ldn/rules';
import type { CombinedError } from '@urql/core';
import { type FormEvent, useId, useState } from 'react';
import { FindingList } from '../../../components/ui/FindingList.tsx';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { PatientBanner } from '../../../components/ui/PatientBanner.tsx';
import { QueryState } from '../../../components/ui/QueryState.tsx';
import { localToday } from '../../../lib/dates.ts';
import { formatDose, patientName } from '../../../lib/format.ts';
import {
  findingsToShow,
  type OverrideReasons,
  overridesFor,
  overridesFromReasons,
} from '../../../lib/override-reasons.ts';
import { Link, useNavigate, useSearchParam } from '../../../lib/router.tsx';
import { EligibilityRequirementsTable } from '../../drugs/components/EligibilityRequirementsTable.tsx';
import { useStartTrial } from '../api/start-trial.ts';
import {
  type ConditionCode,
  type StartTrialContext,
  type StartTrialPatient,
  useStartTrialContext,
} from '../api/start-trial-context.ts';
import { clinicPolicyOf, trialStartInputOf } from '../start-trial-input.ts';
import { RefusalNotice } from './RefusalNotice.tsx';
import { StartTrialConfirmation } from './StartTrialConfirmation.tsx';
import { TitrationPlanPreview } from './TitrationPlanPreview.tsx';

const isConditionCode = (value: string | null): value is ConditionCode =>
  value !== null && (CONDITION_CODES as readonly string[]).includes(value);

/** Start a trial (clinicians): every finding at once, a reason box per soft stop, the plan with dates. */
export function StartTrialPage({ patientId }: { patientId: string }) {
  const requested = useSearchParam('condition');
  // No default condition (issue 15): only one chosen on the eligibility panel's link comes in.
  const initialCondition: ConditionCode | null = isConditionCode(requested) ? requested : null;
  // The clinic policy does not depend on what is asked: one read when the page opens, with any
  // condition (the probe's answer is not shown).
  const [probe] = useState(() => ({
    condition: initialCondition ?? CONDITION_CODES[0],
    startDate: localToday(),
    firstDoseMg: START_DOSE_MG,
    overrides: [],
  }));
  const [result, refetch] = useStartTrialContext(patientId, probe);
  return (
    <QueryState
      result={result}
      loadingLabel="Loading the patient’s record…"
      wording={{ NOT_FOUND: 'This patient is not in your clinic’s records.' }}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {(context) => <StartTrialView context={context} initialCondition={initialCondition} />}
    </QueryState>
  );
}

function StartTrialView({
  context,
  initialCondition,
}: {
  context: StartTrialContext;
  initialCondition: ConditionCode | null;
}) {
  const { patient } = context;
  const name = patientName(patient);
  // A trial entered in error never happened: it does not block a new start (rules: blocksAnotherStart).
  const openTrial = patient.trials.find((trial) =>
    blocksAnotherStart({
      state: trial.status.state,
      endedOn: trial.endedOn,
      enteredInError: trial.enteredInError,
    }),
  );
  return (
    <>
      <PatientBanner patient={patient} />
      <PageHeader
        title={`Start a trial: ${name}`}
        subtitle={
          <>
            <Link to={`/patients/${patient.id}`}>Patient record</Link> · MRN {patient.mrn}
          </>
        }
      />
      {openTrial === undefined ? (
        <StartTrialForm
          patient={patient}
          policy={clinicPolicyOf(context.clinicPolicy.policy)}
          initialCondition={initialCondition}
        />
      ) : (
        <div className="notice notice-info">
          <p>
            {name} already has a trial that has not ended:{' '}
            <Link to={`/trials/${openTrial.id}`}>open the trial</Link>. A new trial starts once it is
            discontinued.
          </p>
        </div>
      )}
    </>
  );
}

type StartCheck = { result: TrialStartResult; problem: null } | { result: null; problem: string };

/** The rules package's start check for this choice, or why it cannot be made (a date not filled in). */
function startCheckOf(
  patient: StartTrialPatient,
  condition: ConditionCode | null,
  startDate: string,
  reasons: OverrideReasons,
  policy: ClinicPolicy,
): StartCheck {
  if (condition === null) return { result: null, problem: 'Choose the condition.' };
  if (!isIsoDate(startDate)) return { result: null, problem: 'Enter the start date.' };
  try {
    const overrides = overridesFromReasons(reasons);
    const input = trialStartInputOf(patient, { condition, startDate, overrides }, policy);
    return { result: checkTrialStart(input, policy), problem: null };
  } catch (error) {
    if (!isRuleInputError(error)) throw error;
    return { result: null, problem: error.message };
  }
}

function summaryOf(result: TrialStartResult): string {
  const { hardStops, softStopsWithoutOverride } = result.decision;
  if (hardStops.length > 0) {
    return `The trial cannot start: ${hardStops.length} hard stop(s) must be resolved in the patient’s record first.`;
  }
  if (softStopsWithoutOverride.length > 0) {
    return `Give a reason for each soft stop to start (${softStopsWithoutOverride.length} still without one).`;
  }
  if (result.findings.length === 0) return 'Nothing stands against this start.';
  const stored = [
    ...(result.decision.acceptedOverrides.length > 0 ? ['the override reasons'] : []),
    ...(result.decision.warnings.length > 0 ? ['the warnings'] : []),
  ];
  return `The trial may start; ${stored.join(' and ')} are stored with it.`;
}

function StartTrialForm({
  patient,
  policy,
  initialCondition,
}: {
  patient: StartTrialPatient;
  policy: ClinicPolicy;
  initialCondition: ConditionCode | null;
}) {
  const id = useId();
  const navigate = useNavigate();
  const [condition, setCondition] = useState<ConditionCode | null>(initialCondition);
  const [reviewing, setReviewing] = useState(false);
  const [startDate, setStartDate] = useState(localToday);
  const [reasons, setReasons] = useState<OverrideReasons>({});
  const [refusal, setRefusal] = useState<CombinedError | null>(null);
  const [started, startTrial] = useStartTrial();

  const check = startCheckOf(patient, condition, startDate, reasons, policy);
  const shown = findingsToShow(check.result?.findings ?? [], refusal);
  const summary = check.result === null ? check.problem : summaryOf(check.result);
  const overrides = overridesFor(shown, reasons);

  // "Review and start" only shows the summary; the trial is created from the review step.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (check.result?.canStart === true) setReviewing(true);
  };
  const onStart = async () => {
    if (condition === null) return;
    const answer = await startTrial({
      patientId: patient.id,
      input: { condition, startDate, firstDoseMg: START_DOSE_MG, overrides },
    });
    if (answer.data?.startTrial) {
      navigate(`/trials/${answer.data.startTrial.id}`);
      return;
    }
    // Back to the form, where the refusal's findings get their reason boxes.
    setRefusal(answer.error ?? null);
    setReviewing(false);
  };

  if (reviewing && condition !== null && check.result?.plan) {
    return (
      <StartTrialConfirmation
        summary={{ condition, startDate, plan: check.result.plan, overrides }}
        starting={started.fetching}
        refusal={refusal}
        onBack={() => setReviewing(false)}
        onStart={() => void onStart()}
      />
    );
  }

  return (
    <form onSubmit={onSubmit} aria-label="Start trial" noValidate>
      <Section title="Trial">
        <div className="start-trial-fields">
          <div className="field">
            <label htmlFor={`${id}-condition`}>Condition</label>
            <select
              id={`${id}-condition`}
              required
              value={condition ?? ''}
              onChange={(event) => {
                setCondition(isConditionCode(event.target.value) ? event.target.value : null);
                setRefusal(null);
              }}
              aria-describedby={`${id}-condition-hint`}
            >
              <option value="" disabled>
                Choose the condition
              </option>
              {CONDITION_CODES.map((code) => (
                <option key={code} value={code}>
                  {CONDITIONS[code].label}
                </option>
              ))}
            </select>
            <p id={`${id}-condition-hint`} className="hint">
              {condition === null
                ? 'The findings, the eligibility lines and the plan show once it is chosen.'
                : CONDITIONS[condition].evidenceText}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-start`}>Start date</label>
            <input
              id={`${id}-start`}
              type="date"
              required
              value={startDate}
              onChange={(event) => {
                setStartDate(event.target.value);
                setRefusal(null);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-dose`}>First nightly dose</label>
            <input
              id={`${id}-dose`}
              readOnly
              value={`${formatDose(START_DOSE_MG)} at bedtime`}
              aria-describedby={`${id}-dose-hint`}
            />
            <p id={`${id}-dose-hint`} className="hint">
              LDN starts at {formatDose(START_DOSE_MG)} at bedtime [1]; the schedule is built from it.
            </p>
          </div>
        </div>
      </Section>
      <Section title="Findings">
        <p id={`${id}-summary`} className="start-trial-summary" aria-live="polite">
          {summary}
        </p>
        <FindingList
          findings={shown}
          reasons={reasons}
          onReasonChange={(code, reason) => setReasons((current) => ({ ...current, [code]: reason }))}
          minimumWords={policy.overrideReasonMinimumWords}
          hardStopHint="No override exists: resolve it in the patient’s record first."
        />
        <p className="muted small">Clinic policy: {policy.name}.</p>
      </Section>
      <Section title="Prior lines of therapy">
        {check.result === null ? (
          <p className="empty">The lines show once the condition and start date are filled in.</p>
        ) : (
          <EligibilityRequirementsTable requirements={check.result.eligibility.requirements} />
        )}
      </Section>
      <Section title="Titration plan">
        {check.result?.plan ? (
          <TitrationPlanPreview plan={check.result.plan} />
        ) : (
          <p className="empty">The plan shows once the condition and start date are filled in.</p>
        )}
      </Section>
      <div className="form-actions">
        <RefusalNotice error={refusal} />
        <button type="submit" disabled={check.result?.canStart !== true} aria-describedby={`${id}-summary`}>
          Review and start
        </button>
      </div>
    </form>
  );
}
