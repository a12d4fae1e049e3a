import type { DrugEntryState } from '../use-drug-entry.ts';
import { DrugNameField } from './DrugNameField.tsx';
import { DrugPreview } from './DrugPreview.tsx';
import { ManualClassificationFields } from './ManualClassificationFields.tsx';

/**
 * The drug of a medication or prior therapy: the type-ahead, the live preview of what the rules
 * make of it, and — for a clinician, where the vocabulary cannot judge it — the classification.
 */
export function DrugEntryFields({
  idPrefix,
  state,
  errors = {},
}: {
  idPrefix: string;
  state: DrugEntryState;
  errors?: { drug?: string | undefined; classification?: string | undefined };
}) {
  const { drug, setDrug, draft, setDraft, entry, use, canClassify } = state;
  return (
    <div className="drug-entry">
      <DrugNameField
        id={`${idPrefix}-drug`}
        value={drug}
        onChange={setDrug}
        error={errors.drug}
        hint='As written, e.g. "Tylenol #3", "oxycodone/APAP" or a brand.'
      />
      <DrugPreview drug={drug} entry={entry} use={use} canClassify={canClassify} onSuggestion={setDrug} />
      {canClassify && entry.manual !== 'NOT_ALLOWED' && (
        <ManualClassificationFields
          idPrefix={idPrefix}
          entry={entry}
          draft={draft}
          onChange={setDraft}
          use={use}
          error={errors.classification}
        />
      )}
      {!canClassify && entry.manual === 'REQUIRED' && errors.classification !== undefined && (
        <p className="field-error">{errors.classification}</p>
      )}
    </div>
  );
}
