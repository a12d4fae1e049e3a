import type { CloseDisclosure } from '../../../components/ui/Disclosure.tsx';
import { ReasonField } from '../../../components/ui/ReasonField.tsx';
import { RecordFormFooter } from '../../../components/ui/RecordFormFooter.tsx';
import type { FormErrors } from '../../../lib/form-errors.ts';
import { CORRECTION_WORDING } from './drug-record-wording.ts';

/** The end of an amend form: why the record is corrected (required), then save or cancel. */
export function AmendmentFooter({
  idPrefix,
  reason,
  onReasonChange,
  errors,
  busy,
  ready,
  close,
}: {
  idPrefix: string;
  reason: string;
  onReasonChange: (reason: string) => void;
  errors: FormErrors<'reason'>;
  busy: boolean;
  /** False while nothing changed, no reason is given, or a field cannot be sent. */
  ready: boolean;
  close: CloseDisclosure;
}) {
  return (
    <>
      <ReasonField
        id={`${idPrefix}-reason`}
        label="Reason for the correction"
        value={reason}
        onChange={onReasonChange}
        error={errors.fields.reason}
      />
      <RecordFormFooter
        refusal={errors.general}
        wording={CORRECTION_WORDING}
        busy={busy}
        ready={ready}
        submitLabel="Save correction"
        busyLabel="Saving…"
        onCancel={() => close()}
      />
    </>
  );
}
