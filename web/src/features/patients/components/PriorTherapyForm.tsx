import { compareDates, FAILED_OUTCOMES, isIsoDate, THERAPY_CLASSES, THERAPY_OUTCOMES } from '@ldn/rules';
import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../../components/ui/QueryState.tsx';
import { FieldError, TextField } from '../../../components/ui/TextField.tsx';
import { localToday } from '../../../lib/dates.ts';
import { humanize } from '../../../lib/format.ts';
import {
  type TherapyClassCode,
  type TherapyOutcomeCode,
  useRecordPriorTherapy,
} from '../api/record-prior-therapy.ts';
import type { CloseDisclosure } from './Disclosure.tsx';
import { formErrorsOf } from './form-errors.ts';
import { THERAPY_CLASS_HINTS, therapyClassLabel } from './labels.ts';

const FIELDS = ['drug', 'classes', 'outcome', 'doseRange', 'startedOn', 'endedOn', 'note'] as const;

/** A therapy tried before LDN: one drug may count for several classes (pregabalin). */
export function PriorTherapyForm({ patientId, close }: { patientId: string; close: CloseDisclosure }) {
  const id = useId();
  const today = localToday();
  const [drug, setDrug] = useState('');
  const [classes, setClasses] = useState<TherapyClassCode[]>([]);
  const [outcome, setOutcome] = useState<TherapyOutcomeCode | ''>('');
  const [doseRange, setDoseRange] = useState('');
  const [startedOn, setStartedOn] = useState('');
  const [endedOn, setEndedOn] = useState('');
  const [note, setNote] = useState('');
  const [result, recordPriorTherapy] = useRecordPriorTherapy();
  const errors = formErrorsOf(result.error, FIELDS);

  const datesOutOfOrder = isIsoDate(startedOn) && isIsoDate(endedOn) && compareDates(endedOn, startedOn) < 0;
  const endedError = datesOutOfOrder ? 'The end cannot be before the start.' : errors.fields.endedOn;
  const ready = drug.trim() !== '' && classes.length > 0 && outcome !== '' && !datesOutOfOrder;

  const toggleClass = (therapyClass: TherapyClassCode, checked: boolean) => {
    setClasses((previous) =>
      checked ? [...previous, therapyClass] : previous.filter((candidate) => candidate !== therapyClass),
    );
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready) return;
    const answer = await recordPriorTherapy({
      patientId,
      input: {
        drug: drug.trim(),
        // In the order of the enum, whatever order they were ticked in.
        classes: THERAPY_CLASSES.filter((candidate) => classes.includes(candidate)),
        outcome,
        ...(doseRange.trim() !== '' && { doseRange: doseRange.trim() }),
        ...(startedOn !== '' && { startedOn }),
        ...(endedOn !== '' && { endedOn }),
        ...(note.trim() !== '' && { note: note.trim() }),
      },
    });
    const recorded = answer.data?.recordPriorTherapy;
    if (recorded !== undefined) close(`${recorded.drug} recorded.`);
  };

  return (
    <form className="record-form" onSubmit={(event) => void onSubmit(event)} aria-label="Add prior therapy">
      <div className="record-grid">
        <TextField
          id={`${id}-drug`}
          label="Drug"
          required
          autoComplete="off"
          value={drug}
          onChange={setDrug}
          error={errors.fields.drug}
        />
        <div className="field">
          <label htmlFor={`${id}-outcome`}>Outcome</label>
          <select
            id={`${id}-outcome`}
            required
            value={outcome}
            onChange={(event) => setOutcome(event.target.value as TherapyOutcomeCode | '')}
            aria-describedby={`${id}-outcome-hint`}
          >
            <option value="">Choose the outcome</option>
            {THERAPY_OUTCOMES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {humanize(candidate)}
              </option>
            ))}
          </select>
          <p id={`${id}-outcome-hint`} className="hint">
            Failed means {FAILED_OUTCOMES.map((failed) => humanize(failed).toLowerCase()).join(', ')}.
          </p>
          <FieldError id={`${id}-outcome-error`} message={errors.fields.outcome} />
        </div>
      </div>
      <fieldset
        className="record-group"
        aria-describedby={errors.fields.classes === undefined ? undefined : `${id}-classes-error`}
      >
        <legend>Therapy classes (at least one)</legend>
        <div className="record-checks">
          {THERAPY_CLASSES.map((therapyClass) => (
            <div key={therapyClass} className="record-check">
              <input
                id={`${id}-class-${therapyClass}`}
                type="checkbox"
                checked={classes.includes(therapyClass)}
                onChange={(event) => toggleClass(therapyClass, event.target.checked)}
              />
              <label htmlFor={`${id}-class-${therapyClass}`}>
                {therapyClassLabel(therapyClass)}
                {THERAPY_CLASS_HINTS[therapyClass] !== '' && (
                  <span className="hint"> ({THERAPY_CLASS_HINTS[therapyClass]})</span>
                )}
              </label>
            </div>
          ))}
        </div>
        <FieldError id={`${id}-classes-error`} message={errors.fields.classes} />
      </fieldset>
      <div className="record-grid">
        <TextField
          id={`${id}-dose-range`}
          label="Dose range"
          autoComplete="off"
          placeholder="25–100 mg"
          value={doseRange}
          onChange={setDoseRange}
          error={errors.fields.doseRange}
        />
        <TextField
          id={`${id}-started`}
          label="Started on"
          type="date"
          max={today}
          value={startedOn}
          onChange={setStartedOn}
          error={errors.fields.startedOn}
        />
        <TextField
          id={`${id}-ended`}
          label="Ended on"
          type="date"
          max={today}
          value={endedOn}
          onChange={setEndedOn}
          error={endedError}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
        <FieldError id={`${id}-note-error`} message={errors.fields.note} />
      </div>
      {errors.general !== null && <ErrorNotice error={errors.general} />}
      <div className="record-actions">
        <button type="submit" disabled={result.fetching || !ready}>
          {result.fetching ? 'Recording…' : 'Record prior therapy'}
        </button>
        <button type="button" className="button-secondary" onClick={() => close()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
