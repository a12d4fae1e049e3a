import { DRUG_CLASSES, type DrugClass } from '@ldn/rules';
import { FieldError } from '../../../components/ui/TextField.tsx';
import { DRUG_CLASS_HINTS, drugClassLabel } from '../drug-class-labels.ts';
import type { DrugEntry, DrugUse, ManualDraft } from '../drug-entry.ts';

/**
 * A clinician's classification of a name the vocabulary cannot judge (§11): its classes and, for a
 * current medication, the separate "not an opioid" confirmation. Required for an unrecognised
 * name; optional for a probable opioid (which blocks as an opioid until classified).
 */
export function ManualClassificationFields({
  idPrefix,
  entry,
  draft,
  onChange,
  use,
  error,
}: {
  idPrefix: string;
  entry: DrugEntry;
  draft: ManualDraft;
  onChange: (draft: ManualDraft) => void;
  use: DrugUse;
  error?: string | undefined;
}) {
  const suggestion = entry.classification?.suggestion;
  const legend =
    entry.manual === 'REQUIRED'
      ? 'Classify this drug (required)'
      : `Not ${suggestion ?? 'an opioid'}? Classify it yourself (optional)`;
  const touched = draft.classes.length > 0 || draft.notAnOpioid;
  const problem = error ?? (touched ? entry.problem : null);
  const problemId = `${idPrefix}-classification-error`;

  const toggle = (drugClass: DrugClass, checked: boolean) => {
    const classes = checked
      ? [...draft.classes, drugClass]
      : draft.classes.filter((candidate) => candidate !== drugClass);
    onChange({ ...draft, classes });
  };

  return (
    <fieldset className="record-group" aria-describedby={problem === null ? undefined : problemId}>
      <legend>{legend}</legend>
      <p className="hint">Kept with the record as your classification, with your name and the date.</p>
      <div className="record-checks">
        {DRUG_CLASSES.map((drugClass) => (
          <div key={drugClass} className="record-check">
            <input
              id={`${idPrefix}-class-${drugClass}`}
              type="checkbox"
              checked={draft.classes.includes(drugClass)}
              onChange={(event) => toggle(drugClass, event.target.checked)}
            />
            <label htmlFor={`${idPrefix}-class-${drugClass}`}>
              {drugClassLabel(drugClass)}
              {DRUG_CLASS_HINTS[drugClass] !== '' && (
                <span className="hint"> ({DRUG_CLASS_HINTS[drugClass]})</span>
              )}
            </label>
          </div>
        ))}
      </div>
      {use === 'MEDICATION' && (
        <div className="record-check record-confirm">
          <input
            id={`${idPrefix}-not-opioid`}
            type="checkbox"
            checked={draft.notAnOpioid}
            onChange={(event) => onChange({ ...draft, notAnOpioid: event.target.checked })}
          />
          <label htmlFor={`${idPrefix}-not-opioid`}>I confirm this is not an opioid</label>
        </div>
      )}
      <FieldError id={problemId} message={problem} />
    </fieldset>
  );
}
