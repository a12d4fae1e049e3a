import type { OrderDraft } from '@ldn/rules';
import type { OrderPreview as Preview } from '../order-form.ts';
import { FindingList } from './FindingList.tsx';
import { OrderLinesTable, type ShownLine } from './OrderLinesTable.tsx';

/** The rules package's lines in the shape the table shows. */
function shownLines(draft: OrderDraft): ShownLine[] {
  return draft.lines.map((line, index) => ({
    sequence: index + 1,
    nightlyDoseMg: line.doseMg,
    strength: line.strength.value,
    strengthUnit: line.strength.unit,
    quantity: line.quantity,
    quantityUnit: line.quantityUnit,
    daysSupply: line.daysSupply,
    startsOn: line.startsOn,
    directions: line.directions,
  }));
}

/**
 * The order's lines and directions as the rules package computes them, before anything is saved;
 * a dose the rules refuse is said at once, with its findings.
 */
export function OrderPreview({ preview, headingId }: { preview: Preview; headingId: string }) {
  return (
    <section className="order-preview" aria-labelledby={headingId}>
      <h2 id={headingId}>Preview</h2>
      {preview.status === 'incomplete' && <p className="field-error">{preview.problem}</p>}
      {preview.status === 'refused' && (
        <div className="notice notice-error" role="alert">
          <p>The dose rules refuse this order; it cannot be saved.</p>
          <FindingList findings={preview.draft.findings} />
        </div>
      )}
      {preview.status === 'ready' && (
        <>
          <OrderLinesTable lines={shownLines(preview.draft)} label="Order lines preview" />
          <p className="muted">
            {preview.draft.lines.length === 1 ? 'One line' : `${preview.draft.lines.length} lines`},{' '}
            {preview.draft.totalDaysSupply} nights in all. The server computes the same lines when the order
            is saved.
          </p>
        </>
      )}
    </section>
  );
}
