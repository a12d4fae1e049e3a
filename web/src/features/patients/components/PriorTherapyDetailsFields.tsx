import { compareDates, FAILED_OUTCOMES, isIsoDate, THERAPY_OUTCOMES } from '@ldn/rules';
import { FieldError, TextField } from '../../../components/ui/TextField.tsx';
import { localToday } from '../../../lib/dates.ts';
import { humanize } from '../../../lib/format.ts';
import type { TherapyOutcomeCode } from '../api/record-prior-therapy.ts';

/** What a prior therapy records besides its drug (§2). */
export interface TherapyDetails {
  outcome: TherapyOutcomeCode | '';
  doseRange: string;
  startedOn: string;
  endedOn: string;
  note: string;
}

export const EMPTY_THERAPY_DETAILS: TherapyDetails = {
  outcome: '',
  doseRange: '',
  startedOn: '',
  endedOn: '',
  note: '',
};

/** True when the end is before the start. */
export function datesOutOfOrder(details: TherapyDetails): boolean {
  return (
    isIsoDate(details.startedOn) &&
    isIsoDate(details.endedOn) &&
    compareDates(details.endedOn, details.startedOn) < 0
  );
}

type DetailErrors = Partial<Record<keyof TherapyDetails, string>>;

/** The outcome, dose range, dates and note of a prior therapy. */
export function PriorTherapyDetailsFields({
  idPrefix: id,
  details,
  onChange,
  errors,
}: {
  idPrefix: string;
  details: TherapyDetails;
  onChange: (details: TherapyDetails) => void;
  errors: DetailErrors;
}) {
  const today = localToday();
  const set = (field: keyof TherapyDetails) => (value: string) => onChange({ ...details, [field]: value });
  const endedError = datesOutOfOrder(details) ? 'The end cannot be before the start.' : errors.endedOn;
  return (
    <>
      <div className="record-grid">
        <div className="field">
          <label htmlFor={`${id}-outcome`}>Outcome</label>
          <select
            id={`${id}-outcome`}
            required
            value={details.outcome}
            onChange={(event) => set('outcome')(event.target.value)}
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
          <FieldError id={`${id}-outcome-error`} message={errors.outcome} />
        </div>
        <TextField
          id={`${id}-dose-range`}
          label="Dose range"
          autoComplete="off"
          placeholder="25–100 mg"
          value={details.doseRange}
          onChange={set('doseRange')}
          error={errors.doseRange}
        />
        <TextField
          id={`${id}-started`}
          label="Started on"
          type="date"
          max={today}
          value={details.startedOn}
          onChange={set('startedOn')}
          error={errors.startedOn}
        />
        <TextField
          id={`${id}-ended`}
          label="Ended on"
          type="date"
          max={today}
          value={details.endedOn}
          onChange={set('endedOn')}
          error={endedError}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={details.note}
          onChange={(event) => set('note')(event.target.value)}
        />
        <FieldError id={`${id}-note-error`} message={errors.note} />
      </div>
    </>
  );
}
