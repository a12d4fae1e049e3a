import { SYMPTOM_MEASURES, SYMPTOM_SCALES, type SymptomMeasure } from '@ldn/rules';
import { type FormEvent, useId, useState } from 'react';
import type { CloseDisclosure } from '../../../components/ui/Disclosure.tsx';
import { RecordFormFooter } from '../../../components/ui/RecordFormFooter.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { localToday } from '../../../lib/dates.ts';
import { formatDate } from '../../../lib/format.ts';
import { useRecordVisitScores } from '../api/record-visit-scores.ts';
import { SymptomScaleField } from './SymptomScaleField.tsx';
import {
  type ChosenScore,
  type VisitChoices,
  visitErrorsOf,
  visitProblemOf,
  visitScoresOf,
} from './score.ts';

/**
 * One visit, one form: the day, then pain (the baseline of §5) and each secondary measure on its
 * 0–10 scale with both anchors. Any measure may be left blank, but not all; the visit is recorded
 * whole or not at all. The form stays open after each visit, so a baseline of several days is
 * entered in one go.
 */
export function SymptomScoreForm({ patientId, close }: { patientId: string; close: CloseDisclosure }) {
  const id = useId();
  const today = localToday();
  const [scoredOn, setScoredOn] = useState(today);
  const [choices, setChoices] = useState<VisitChoices>({});
  const [sent, setSent] = useState<ChosenScore[]>([]);
  const [touched, setTouched] = useState(false);
  const [saved, setSaved] = useState('');
  const [result, recordVisitScores] = useRecordVisitScores();
  const errors = visitErrorsOf(result.error, sent);
  const problem = visitProblemOf(choices);

  const choose = (measure: SymptomMeasure, score: number | null) =>
    setChoices((previous) => {
      const { [measure]: _dropped, ...others } = previous;
      return score === null ? others : { ...others, [measure]: score };
    });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (problem !== null || scoredOn === '') return;
    const scores = visitScoresOf(choices);
    setSent(scores);
    const answer = await recordVisitScores({ patientId, scoredOn, scores });
    const recorded = answer.data?.recordVisitScores;
    if (recorded === undefined) return;
    const listed = recorded
      .map((score) => `${SYMPTOM_SCALES[score.measure].label} ${score.score}`)
      .join(', ');
    setSaved(`Visit of ${formatDate(scoredOn)} recorded: ${listed}.`);
    setChoices({});
    setTouched(false);
  };

  return (
    <form
      className="record-form visit-form"
      onSubmit={(event) => void onSubmit(event)}
      aria-label="Record visit scores"
    >
      <TextField
        id={`${id}-scored`}
        label="Visit date"
        type="date"
        required
        max={today}
        value={scoredOn}
        onChange={setScoredOn}
        error={errors.scoredOn}
        className="record-narrow"
      />
      {SYMPTOM_MEASURES.map((measure) => (
        <SymptomScaleField
          key={measure}
          measure={measure}
          value={choices[measure] ?? null}
          onChange={(score) => choose(measure, score)}
          optional
          error={errors.measures[measure]}
        />
      ))}
      {touched && problem !== null && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <RecordFormFooter
        refusal={errors.general}
        busy={result.fetching}
        submitLabel="Record visit"
        busyLabel="Recording…"
        cancelLabel="Done"
        onCancel={() => close(saved === '' ? undefined : 'Scores recorded.')}
      >
        <output aria-live="polite">{saved}</output>
      </RecordFormFooter>
    </form>
  );
}
