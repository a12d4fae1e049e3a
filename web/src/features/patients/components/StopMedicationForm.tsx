import { compareDates, isIsoDate } from '@ldn/rules';
import { type FormEvent, useId, useState } from 'react';
import type { CloseDisclosure } from '../../../components/ui/Disclosure.tsx';
import { RecordFormFooter } from '../../../components/ui/RecordFormFooter.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { localToday } from '../../../lib/dates.ts';
import { formErrorsOf } from '../../../lib/form-errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { useStopMedication } from '../api/stop-medication.ts';

/** The date of the last dose; for an opioid the washout counts from it (§3). */
export function StopMedicationForm({
  medication,
  close,
}: {
  medication: { id: string; drug: string; startedOn: string | null; isOpioid: boolean };
  close: CloseDisclosure;
}) {
  const id = useId();
  const [stoppedOn, setStoppedOn] = useState(localToday);
  const [result, stopMedication] = useStopMedication();
  const errors = formErrorsOf(result.error, ['stoppedOn'] as const);
  const beforeStart =
    medication.startedOn !== null &&
    isIsoDate(stoppedOn) &&
    compareDates(stoppedOn, medication.startedOn) < 0;
  const stoppedError = beforeStart
    ? `The last dose cannot be before the start (${formatDate(medication.startedOn)}).`
    : errors.fields.stoppedOn;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isIsoDate(stoppedOn) || beforeStart) return;
    const answer = await stopMedication({ medicationId: medication.id, stoppedOn });
    if (answer.data?.stopMedication !== undefined) close(`${medication.drug} stopped.`);
  };

  return (
    <form
      className="record-form record-form-row"
      onSubmit={(event) => void onSubmit(event)}
      aria-label={`Stop ${medication.drug}`}
    >
      <TextField
        id={`${id}-stopped`}
        label="Last dose on"
        type="date"
        required
        max={localToday()}
        value={stoppedOn}
        onChange={setStoppedOn}
        error={stoppedError}
        {...(medication.isOpioid && { hint: 'The opioid washout counts from this day.' })}
      />
      <RecordFormFooter
        refusal={errors.general}
        busy={result.fetching}
        ready={isIsoDate(stoppedOn) && !beforeStart}
        submitLabel="Record stop"
        busyLabel="Stopping…"
        onCancel={() => close()}
      />
    </form>
  );
}
