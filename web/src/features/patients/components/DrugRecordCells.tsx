import { ingredientsLabel } from '@ldn/rules';
import { Badge } from '../../../components/ui/Badge.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { drugClassesLabel } from '../../drugs/drug-class-labels.ts';

/** What medications and prior therapies share: a coded drug, its classifier, its corrections. */
interface DrugRecord {
  drug: string;
  ingredients: readonly string[];
  classes: readonly string[];
  recognition: string;
  suggestion: string | null;
  classifiedBy: string;
  classifiedAt: string | null;
  classifiedByName: string | null;
  enteredInError: boolean;
  enteredInErrorAt: string | null;
  enteredInErrorReason: string | null;
  enteredInErrorByName: string | null;
  amendments: ReadonlyArray<{ amendedAt: string; amendedBy: string; reason: string }>;
}

/** The row's class: entered-in-error rows are struck through (they count nowhere). */
export function drugRowClass(record: DrugRecord, flagged: boolean): string | undefined {
  if (record.enteredInError) return 'row-entered-in-error';
  return flagged ? 'row-flagged' : undefined;
}

/** The drug as entered, what it contains, and a probable opioid flagged (§11). */
export function DrugNameCell({ record }: { record: DrugRecord }) {
  return (
    <>
      <span className="struck-when-in-error">{record.drug}</span>
      {record.ingredients.length > 0 &&
        ingredientsLabel(record.ingredients) !== record.drug.toLowerCase() && (
          <span className="cell-detail">{ingredientsLabel(record.ingredients)}</span>
        )}
      {record.recognition === 'PROBABLE' && (
        <span className="cell-detail">
          <Badge
            value="PROBABLE"
            tone="warning"
            label={`Probable opioid${record.suggestion === null ? '' : ` (${record.suggestion}?)`}`}
          />
        </span>
      )}
      {record.recognition === 'UNRECOGNISED' && (
        <span className="cell-detail muted">Not in the vocabulary</span>
      )}
    </>
  );
}

/** Its classes and where they came from: the vocabulary, or a named clinician on a date. */
export function DrugClassesCell({ record }: { record: DrugRecord }) {
  return (
    <>
      <span className="struck-when-in-error">{drugClassesLabel(record.classes)}</span>
      <span className="cell-detail muted">
        {record.classifiedBy === 'CLINICIAN'
          ? `classified by ${record.classifiedByName ?? 'a clinician'} on ${formatDate(record.classifiedAt)}`
          : 'from the vocabulary'}
      </span>
    </>
  );
}

/** Who marked it entered in error, when and why; and the corrections made to it. */
export function DrugRecordHistory({ record }: { record: DrugRecord }) {
  return (
    <>
      {record.enteredInError && (
        <p className="cell-detail">
          <Badge value="ENTERED_IN_ERROR" tone="danger" label="Entered in error" /> by{' '}
          {record.enteredInErrorByName ?? 'a clinician'} on {formatDateTime(record.enteredInErrorAt)}:{' '}
          {record.enteredInErrorReason}
        </p>
      )}
      {record.amendments.map((amendment) => (
        <p key={amendment.amendedAt} className="cell-detail muted">
          Amended by {amendment.amendedBy} on {formatDateTime(amendment.amendedAt)}: {amendment.reason}
        </p>
      ))}
    </>
  );
}
