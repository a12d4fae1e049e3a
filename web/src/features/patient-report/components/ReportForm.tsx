import {
  ADVERSE_EFFECT_SEVERITIES,
  PATIENT_SEVERITY_WORDS,
  SECONDARY_MEASURES,
  SYMPTOM_SCALES,
  SYMPTOM_SCORE_CHOICES,
  type SymptomMeasure,
} from '@ldn/rules';
import { type FormEvent, useId, useState } from 'react';
import { TextField } from '../../../components/ui/TextField.tsx';
import type { PatientReportInput, PatientReportPage } from '../api/patient-report.ts';

/** The questions in plain words (reading age about 12); the anchors are the scales' own. */
const QUESTIONS: Record<SymptomMeasure, string> = {
  PAIN_NRS: 'How bad is your pain right now?',
  QUALITY_OF_LIFE: 'How happy are you with your life today?',
  SLEEP: 'How well did you sleep last night?',
  FATIGUE: 'How tired do you feel today?',
};

/** §6's side effects as a patient would say them. */
const SIDE_EFFECTS = [
  ['VIVID_DREAMS', 'Vivid dreams'],
  ['INSOMNIA', 'Trouble sleeping'],
  ['HEADACHE', 'Headache'],
  ['NAUSEA', 'Feeling sick (nausea)'],
  ['ANXIETY', 'Feeling anxious'],
  ['FATIGUE', 'Feeling very tired'],
  ['OTHER', 'Something else'],
] as const;
type SideEffectKind = (typeof SIDE_EFFECTS)[number][0];
type Severity = (typeof ADVERSE_EFFECT_SEVERITIES)[number];

/** "tonight", "yesterday evening", "the evening before yesterday": the evenings the page offers. */
export const EVENING_NAMES = ['Tonight', 'Yesterday evening', 'The evening before yesterday'] as const;

interface SideEffectAnswer {
  severity: Severity | null;
  description: string;
}

/**
 * One evening's report: which evening, the dose, pain (required) and the secondary measures, side
 * effects. Every choice is a large radio or checkbox with its label; the server checks it all again.
 */
export function ReportForm({
  page,
  sending,
  problem,
  onSubmit,
}: {
  page: PatientReportPage;
  sending: boolean;
  problem: string | null;
  onSubmit: (report: PatientReportInput) => Promise<boolean>;
}) {
  const firstOpen = page.evenings.find((evening) => !evening.reported) ?? page.evenings[0];
  const [evening, setEvening] = useState(firstOpen?.evening ?? '');
  const [dose, setDose] = useState<string | null>(null);
  const [scores, setScores] = useState<Partial<Record<SymptomMeasure, number>>>({});
  const [effects, setEffects] = useState<Partial<Record<SideEffectKind, SideEffectAnswer>>>({});
  const [missing, setMissing] = useState<string | null>(null);

  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (dose === null || scores.PAIN_NRS === undefined) {
      setMissing('Please say if you took your dose, and how bad your pain is.');
      return;
    }
    if (Object.values(effects).some((answer) => answer.severity === null)) {
      setMissing('Please say how much each side effect you ticked bothers you.');
      return;
    }
    setMissing(null);
    const sent = await onSubmit({
      evening,
      dose: dose === 'NO' ? { answer: 'NOT_TAKEN' } : { answer: 'TAKEN', doseMg: Number(dose) },
      scores: Object.entries(scores).map(([measure, score]) => ({
        measure: measure as SymptomMeasure,
        score,
      })),
      sideEffects: Object.entries(effects).map(([kind, answer]) => ({
        kind: kind as SideEffectKind,
        severity: answer.severity as Severity,
        description: answer.description.trim() === '' ? null : answer.description.trim(),
      })),
    });
    if (sent) {
      setDose(null);
      setScores({});
      setEffects({});
    }
  };

  return (
    <form className="patient-form" onSubmit={send} noValidate>
      {page.evenings.length > 1 && (
        <fieldset>
          <legend>Which evening is this report for?</legend>
          {page.evenings.map((option, index) => (
            <label key={option.evening} className="choice">
              <input
                type="radio"
                name="evening"
                value={option.evening}
                checked={evening === option.evening}
                onChange={() => setEvening(option.evening)}
              />
              {EVENING_NAMES[index] ?? option.evening}
              {option.reported ? ' (sent – sending again replaces it)' : ''}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>Did you take your LDN dose?</legend>
        {page.doseChoices.map((mg) => (
          <label key={mg} className="choice">
            <input
              type="radio"
              name="dose"
              value={mg}
              checked={dose === String(mg)}
              onChange={() => setDose(String(mg))}
            />
            Yes, {mg} mg
          </label>
        ))}
        <label className="choice">
          <input type="radio" name="dose" value="NO" checked={dose === 'NO'} onChange={() => setDose('NO')} />
          No
        </label>
      </fieldset>
      {(['PAIN_NRS', ...SECONDARY_MEASURES] as const).map((measure) => (
        <ScaleQuestion
          key={measure}
          measure={measure}
          optional={measure !== 'PAIN_NRS'}
          value={scores[measure]}
          onChange={(score) => setScores((current) => ({ ...current, [measure]: score }))}
        />
      ))}
      <fieldset>
        <legend>Any side effects? Tick any you have.</legend>
        {SIDE_EFFECTS.map(([kind, words]) => {
          const answer = effects[kind];
          return (
            <div key={kind} className="side-effect">
              <label className="choice">
                <input
                  type="checkbox"
                  checked={answer !== undefined}
                  onChange={(event) =>
                    setEffects((current) => {
                      const { [kind]: _, ...rest } = current;
                      return event.target.checked
                        ? { ...rest, [kind]: { severity: null, description: '' } }
                        : rest;
                    })
                  }
                />
                {words}
              </label>
              {answer !== undefined && (
                <SideEffectDetails
                  kind={kind}
                  words={words}
                  answer={answer}
                  onChange={(next) => setEffects((current) => ({ ...current, [kind]: next }))}
                />
              )}
            </div>
          );
        })}
      </fieldset>
      {(missing ?? problem) !== null && (
        <div className="notice notice-error" role="alert">
          <p>{missing ?? problem}</p>
        </div>
      )}
      <button type="submit" className="patient-button" disabled={sending}>
        Send my report
      </button>
    </form>
  );
}

function ScaleQuestion({
  measure,
  optional,
  value,
  onChange,
}: {
  measure: SymptomMeasure;
  optional: boolean;
  value: number | undefined;
  onChange: (score: number) => void;
}) {
  const scale = SYMPTOM_SCALES[measure];
  const hintId = useId();
  return (
    <fieldset aria-describedby={hintId}>
      <legend>
        {QUESTIONS[measure]}
        {optional ? ' (you can skip this)' : ''}
      </legend>
      <p id={hintId} className="scale-anchors">
        0 means {scale.anchors[0].toLowerCase()}. 10 means {scale.anchors[10].toLowerCase()}.
      </p>
      <div className="scale">
        {SYMPTOM_SCORE_CHOICES.map((score) => (
          <label key={score} className="scale-choice">
            <input
              type="radio"
              name={measure}
              value={score}
              checked={value === score}
              onChange={() => onChange(score)}
            />
            <span>{score}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function SideEffectDetails({
  kind,
  words,
  answer,
  onChange,
}: {
  kind: SideEffectKind;
  words: string;
  answer: SideEffectAnswer;
  onChange: (answer: SideEffectAnswer) => void;
}) {
  return (
    <div className="side-effect-details">
      {kind === 'OTHER' && (
        <TextField
          label="What is it?"
          maxLength={500}
          value={answer.description}
          onChange={(description) => onChange({ ...answer, description })}
        />
      )}
      <fieldset>
        <legend>How much does it bother you? ({words})</legend>
        {ADVERSE_EFFECT_SEVERITIES.map((severity) => (
          <label key={severity} className="choice">
            <input
              type="radio"
              name={`severity-${kind}`}
              checked={answer.severity === severity}
              onChange={() => onChange({ ...answer, severity })}
            />
            {PATIENT_SEVERITY_WORDS[severity]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
