import { betterWhenText, SYMPTOM_SCALES, SYMPTOM_SCORE_CHOICES, type SymptomMeasure } from '@ldn/rules';
import { useId } from 'react';
import { FieldError } from '../../../components/ui/TextField.tsx';
import { scaleAnchorsText } from './score.ts';

/**
 * One measure's 0–10 scale as a row of large choices (a radio group): its name, both anchors and
 * which end is better, from the rules package's SYMPTOM_SCALES, so nobody guesses the direction.
 * 0 and 10 carry their anchor in their accessible name ("0, No pain"). Optional measures can be
 * cleared back to blank.
 */
export function SymptomScaleField({
  measure,
  value,
  onChange,
  optional = false,
  error,
  legend,
}: {
  measure: SymptomMeasure;
  value: number | null;
  onChange: (score: number | null) => void;
  optional?: boolean;
  error?: string | undefined;
  /** Default: the measure's label. */
  legend?: string;
}) {
  const id = useId();
  const scale = SYMPTOM_SCALES[measure];
  const name = legend ?? scale.label;
  const described = [`${id}-anchors`, error === undefined ? null : `${id}-error`].filter(
    (part) => part !== null,
  );
  return (
    <fieldset
      className={error === undefined ? 'scale-field' : 'scale-field scale-field-invalid'}
      aria-describedby={described.join(' ')}
    >
      <legend>
        {name}
        {optional && <span className="muted"> (optional)</span>}
      </legend>
      {/* Read whole with the group; shown as the better end here and the anchors under the ends. */}
      <p id={`${id}-anchors`} className="visually-hidden">
        {scaleAnchorsText(measure)}
      </p>
      <p className="scale-better" aria-hidden="true">
        {betterWhenText(scale.betterWhen)}
      </p>
      <div className="scale-choices">
        {SYMPTOM_SCORE_CHOICES.map((score) => {
          const anchor = score === 0 ? scale.anchors[0] : score === 10 ? scale.anchors[10] : null;
          return (
            <label key={score} className="scale-choice">
              <input
                type="radio"
                name={`${id}-score`}
                value={score}
                checked={value === score}
                onChange={() => onChange(score)}
              />
              <span aria-hidden="true">{score}</span>
              <span className="visually-hidden">
                {anchor === null ? String(score) : `${score}, ${anchor}`}
              </span>
            </label>
          );
        })}
      </div>
      <div className="scale-anchors" aria-hidden="true">
        <span>0 = {scale.anchors[0]}</span>
        <span>10 = {scale.anchors[10]}</span>
      </div>
      {optional && value !== null && (
        <button type="button" className="button-secondary scale-clear" onClick={() => onChange(null)}>
          Leave {name.toLowerCase()} blank
        </button>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
