import {
  checkDose,
  checkDoseChange,
  DOSE_INCREMENT_MG,
  decideOnFindings,
  isIsoDate,
  isRuleInputError,
  MAXIMUM_DOSE_MG,
  planTitration,
  type RuleFinding,
  TITRATION_STEP_MG,
} from '@ldn/rules';
import type { CombinedError } from '@urql/core';
import { type FormEvent, useId, useState } from 'react';
import { FindingList } from '../../../components/ui/FindingList.tsx';
import { localToday } from '../../../lib/dates.ts';
import { formatDate, formatDose } from '../../../lib/format.ts';
import { findingsToShow, type OverrideReasons, overridesFor } from '../../../lib/override-reasons.ts';
import { useChangeDose } from '../api/change-dose.ts';
import { useDeclareMaintenanceDose } from '../api/declare-maintenance-dose.ts';
import type { TrialRecord } from '../api/trial.ts';
import { previousDoseOf, recordedDosesOf } from '../trial-rule-input.ts';
import { ActionDisclosure, type ActionFormProps } from './ActionDisclosure.tsx';
import { RefusalNotice } from './RefusalNotice.tsx';

type DoseCheck = { findings: RuleFinding[]; problem: string | null };

/** A dose typed in the form as mg, or null when it is not a number. */
function doseOf(text: string): number | null {
  const dose = Number(text);
  return text.trim() === '' || !Number.isFinite(dose) ? null : dose;
}

/**
 * The rules' check of a new dose from a date (§4): checkDoseChange against the previous dose, and
 * — when the dose itself passes — whether the trial's history still makes a schedule with it.
 */
function doseChangeCheckOf(trial: TrialRecord, changedOn: string, doseText: string): DoseCheck {
  const doseMg = doseOf(doseText);
  if (doseMg === null) return { findings: [], problem: 'Enter the nightly dose in mg.' };
  if (!isIsoDate(changedOn)) return { findings: [], problem: 'Enter the first night of the new dose.' };
  try {
    const next = { date: changedOn, doseMg };
    const findings = checkDoseChange(previousDoseOf(trial), next);
    if (checkDose(doseMg).length === 0) {
      planTitration({
        startDate: trial.startDate,
        doseChanges: [...recordedDosesOf(trial), next],
        ...(trial.maintenanceDoseMg === null ? {} : { maintenanceDoseMg: trial.maintenanceDoseMg }),
      });
    }
    return { findings, problem: null };
  } catch (error) {
    if (!isRuleInputError(error)) throw error;
    return { findings: [], problem: error.message };
  }
}

/** A new nightly dose from a date: the rules' dose check shown before the API answers. */
export function DoseChangeForm({ trial, onSaved, onRefused }: ActionFormProps) {
  const id = useId();
  const previous = previousDoseOf(trial);
  const next = trial.status.nextStep;
  const [doseText, setDoseText] = useState(String(next?.doseMg ?? previous.doseMg));
  const [changedOn, setChangedOn] = useState(next !== null && !next.overdue ? next.date : localToday());
  const [note, setNote] = useState('');
  const [reasons, setReasons] = useState<OverrideReasons>({});
  const [refusal, setRefusal] = useState<CombinedError | null>(null);
  const [result, changeDose] = useChangeDose();

  const check = doseChangeCheckOf(trial, changedOn, doseText);
  const shown = findingsToShow(check.findings, refusal);
  const minimumWords = trial.policy.overrideReasonMinimumWords;
  const decision = decideOnFindings(check.findings, overridesFor(check.findings, reasons), minimumWords);
  const edited = (apply: () => void) => {
    apply();
    setRefusal(null);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await changeDose({
      trialId: trial.id,
      input: {
        changedOn,
        doseMg: Number(doseText),
        note: note.trim() === '' ? null : note.trim(),
        overrides: overridesFor(shown, reasons),
        expectedVersion: trial.version,
      },
    });
    if (answer.error === undefined)
      onSaved(`Dose changed to ${formatDose(Number(doseText))} from ${formatDate(changedOn)}.`);
    else {
      setRefusal(answer.error);
      onRefused(answer.error);
    }
  };

  return (
    <ActionDisclosure title="Change the dose">
      <form onSubmit={(event) => void onSubmit(event)} aria-label="Change the dose" noValidate>
        <p className="hint">
          Now {formatDose(previous.doseMg)} since {formatDate(previous.date)}.
          {next === null ? '' : ` Next step: ${formatDose(next.doseMg)} from ${formatDate(next.date)}.`} Up by
          at most 1.5 mg every 2 weeks, to {formatDose(MAXIMUM_DOSE_MG)} at most [1]; the same dose again
          holds it.
        </p>
        <div className="field">
          <label htmlFor={`${id}-dose`}>New nightly dose (mg)</label>
          <input
            id={`${id}-dose`}
            type="number"
            inputMode="decimal"
            step={DOSE_INCREMENT_MG}
            min={DOSE_INCREMENT_MG}
            required
            value={doseText}
            onChange={(event) => edited(() => setDoseText(event.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>First night of the new dose</label>
          <input
            id={`${id}-date`}
            type="date"
            required
            max={localToday()}
            value={changedOn}
            onChange={(event) => edited(() => setChangedOn(event.target.value))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>Note (optional)</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        {check.problem !== null && <p className="field-error">{check.problem}</p>}
        <FindingList
          label="Dose check"
          findings={shown}
          reasons={reasons}
          onReasonChange={(code, reason) => setReasons((current) => ({ ...current, [code]: reason }))}
          minimumWords={minimumWords}
        />
        <RefusalNotice error={refusal} />
        <button
          type="submit"
          disabled={result.fetching || check.problem !== null || decision.outcome !== 'ALLOWED'}
        >
          {result.fetching ? 'Saving…' : 'Save the dose change'}
        </button>
      </form>
    </ActionDisclosure>
  );
}

/** A lower maintenance dose when 4.5 mg is not tolerated (§4): the trial is at target from when it began. */
export function MaintenanceDoseForm({ trial, onSaved, onRefused }: ActionFormProps) {
  const id = useId();
  const [doseText, setDoseText] = useState(
    String(trial.maintenanceDoseMg ?? MAXIMUM_DOSE_MG - TITRATION_STEP_MG),
  );
  const [declaredOn, setDeclaredOn] = useState(localToday);
  const [refusal, setRefusal] = useState<CombinedError | null>(null);
  const [result, declare] = useDeclareMaintenanceDose();

  const doseMg = doseOf(doseText);
  const findings = doseMg === null ? [] : checkDose(doseMg);
  const problem =
    doseMg === null
      ? 'Enter the nightly dose in mg.'
      : findings.length === 0 && doseMg >= MAXIMUM_DOSE_MG
        ? `A maintenance dose is below the ${formatDose(MAXIMUM_DOSE_MG)} target.`
        : !isIsoDate(declaredOn)
          ? 'Enter the date the maintenance dose began.'
          : null;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await declare({ trialId: trial.id, input: { doseMg: Number(doseText), declaredOn } });
    if (answer.error === undefined) onSaved(`Maintenance dose ${formatDose(Number(doseText))} declared.`);
    else {
      setRefusal(answer.error);
      onRefused(answer.error);
    }
  };

  return (
    <ActionDisclosure title="Declare a maintenance dose">
      <form onSubmit={(event) => void onSubmit(event)} aria-label="Declare a maintenance dose" noValidate>
        <p className="hint">
          When {formatDose(MAXIMUM_DOSE_MG)} is not tolerated: the trial is at target from the day this dose
          began, and the assessment window counts from then [2].
        </p>
        <div className="field">
          <label htmlFor={`${id}-dose`}>Maintenance dose (mg)</label>
          <input
            id={`${id}-dose`}
            type="number"
            inputMode="decimal"
            step={DOSE_INCREMENT_MG}
            min={DOSE_INCREMENT_MG}
            max={MAXIMUM_DOSE_MG - DOSE_INCREMENT_MG}
            required
            value={doseText}
            onChange={(event) => {
              setDoseText(event.target.value);
              setRefusal(null);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>Began on</label>
          <input
            id={`${id}-date`}
            type="date"
            required
            max={localToday()}
            value={declaredOn}
            onChange={(event) => {
              setDeclaredOn(event.target.value);
              setRefusal(null);
            }}
          />
        </div>
        {problem !== null && <p className="field-error">{problem}</p>}
        <FindingList
          label="Dose check"
          findings={findingsToShow(findings, refusal)}
          reasons={{}}
          onReasonChange={() => {}}
          minimumWords={trial.policy.overrideReasonMinimumWords}
        />
        <RefusalNotice error={refusal} />
        <button type="submit" disabled={result.fetching || problem !== null || findings.length > 0}>
          {result.fetching ? 'Saving…' : 'Declare the maintenance dose'}
        </button>
      </form>
    </ActionDisclosure>
  );
}
