import { ingredientsLabel } from '@ldn/rules';
import { drugClassesLabel } from '../drug-class-labels.ts';
import type { DrugEntry, DrugUse } from '../drug-entry.ts';

/** "Tylenol #3: acetaminophen + codeine", or just "gabapentin" where the name is its ingredient. */
function headline(drug: string, ingredients: readonly string[]): string {
  const contents = ingredientsLabel(ingredients);
  return contents.toLowerCase() === drug.toLowerCase() ? contents : `${drug}: ${contents}`;
}

/**
 * What the rules package makes of the name as it is typed, before anything is saved (§11): its
 * ingredients and classes, a probable opioid with what it probably is, or a name to classify.
 */
export function DrugPreview({
  drug,
  entry,
  use,
  canClassify,
  onSuggestion,
}: {
  drug: string;
  entry: DrugEntry;
  use: DrugUse;
  canClassify: boolean;
  onSuggestion: (suggestion: string) => void;
}) {
  const { classification } = entry;
  const text = drug.trim();
  if (classification === null) return null;
  const suggestion = classification.suggestion;
  const suggestionButton = suggestion !== undefined && suggestion.toLowerCase() !== text.toLowerCase() && (
    <button type="button" className="button-secondary button-small" onClick={() => onSuggestion(suggestion)}>
      Did you mean {suggestion}?
    </button>
  );
  return (
    <div className="drug-preview" aria-live="polite">
      {classification.status === 'RECOGNISED' && (
        <>
          <p className={entry.isOpioid ? 'opioid-hint' : undefined}>
            <strong>{headline(text, classification.ingredients)}</strong> —{' '}
            {entry.isOpioid ? 'opioid' : drugClassesLabel(classification.classes)}
          </p>
          {entry.isOpioid && use === 'MEDICATION' && (
            <p className="opioid-hint">An opioid: LDN cannot start while it is taken.</p>
          )}
          <p className="hint">Classes from the vocabulary: {drugClassesLabel(classification.classes)}.</p>
        </>
      )}
      {classification.status === 'PROBABLE' && (
        <>
          <p className="opioid-hint">
            <strong>Probable opioid: treated as an opioid until a clinician says otherwise.</strong>
          </p>
          <p>{suggestionButton}</p>
        </>
      )}
      {classification.status === 'UNRECOGNISED' && (
        <>
          <p>
            <strong>{text}</strong> is not in the drug vocabulary.{' '}
            {entry.manual === 'REQUIRED' && canClassify && 'State its classes below.'}
          </p>
          {suggestionButton !== false && <p>{suggestionButton}</p>}
          {entry.manual === 'REQUIRED' && !canClassify && <p className="field-error">{entry.problem}</p>}
        </>
      )}
    </div>
  );
}
