import { CONSENT_POINT_CODES, CONSENT_POINTS, type ConsentPoint, isIsoDate } from '@ldn/rules';
import { type FormEvent, useId, useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import type { CloseDisclosure } from '../../../components/ui/Disclosure.tsx';
import { RecordFormFooter } from '../../../components/ui/RecordFormFooter.tsx';
import { FieldError, TextField } from '../../../components/ui/TextField.tsx';
import { localToday } from '../../../lib/dates.ts';
import { formErrorsOf } from '../../../lib/form-errors.ts';
import { useRecordConsent } from '../api/record-consent.ts';
import { consentStateOf } from './consent.ts';

const FIELDS = ['recordedOn', 'points'] as const;

/**
 * The four points of clinical-rules §7, each ticked as the patient confirms it, in the rules'
 * own words. Only all four make a complete consent; fewer are recorded as incomplete.
 */
export function ConsentForm({ patientId, close }: { patientId: string; close: CloseDisclosure }) {
  const id = useId();
  const today = localToday();
  const [recordedOn, setRecordedOn] = useState(today);
  const [points, setPoints] = useState<ConsentPoint[]>([]);
  const [result, recordConsent] = useRecordConsent();
  const errors = formErrorsOf(result.error, FIELDS);
  const state = consentStateOf(points, isIsoDate(recordedOn) ? recordedOn : today);
  const ready = points.length > 0 && isIsoDate(recordedOn);

  const toggle = (point: ConsentPoint, checked: boolean) => {
    setPoints((previous) => (checked ? [...previous, point] : previous.filter((other) => other !== point)));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready) return;
    const answer = await recordConsent({
      patientId,
      input: { recordedOn, points: CONSENT_POINT_CODES.filter((point) => points.includes(point)) },
    });
    const recorded = answer.data?.recordConsent;
    if (recorded !== undefined)
      close(recorded.complete ? 'Consent recorded: complete.' : 'Consent recorded: incomplete.');
  };

  return (
    <form className="record-form" onSubmit={(event) => void onSubmit(event)} aria-label="Record consent">
      <fieldset className="record-group">
        <legend>The patient understands that:</legend>
        <ul className="record-checks record-checks-list">
          {CONSENT_POINT_CODES.map((point) => (
            <li key={point} className="record-check">
              <input
                id={`${id}-${point}`}
                type="checkbox"
                checked={points.includes(point)}
                onChange={(event) => toggle(point, event.target.checked)}
              />
              <label htmlFor={`${id}-${point}`}>
                {CONSENT_POINTS[point].text}{' '}
                <span className="muted">[{CONSENT_POINTS[point].evidence.join('][')}]</span>
              </label>
            </li>
          ))}
        </ul>
        <FieldError id={`${id}-points-error`} message={errors.fields.points} />
      </fieldset>
      <p aria-live="polite">
        {state.complete ? (
          <Badge value="COMPLETE" tone="success" label="Complete: all four points covered" />
        ) : (
          <Badge
            value="INCOMPLETE"
            tone="warning"
            label={`Incomplete: ${points.length} of ${CONSENT_POINT_CODES.length} points; a start needs all four`}
          />
        )}
      </p>
      <TextField
        id={`${id}-recorded`}
        label="Recorded on"
        type="date"
        required
        max={today}
        value={recordedOn}
        onChange={setRecordedOn}
        error={errors.fields.recordedOn}
        className="record-narrow"
      />
      <RecordFormFooter
        refusal={errors.general}
        busy={result.fetching}
        ready={ready}
        submitLabel={state.complete ? 'Record complete consent' : 'Record incomplete consent'}
        busyLabel="Recording…"
        onCancel={() => close()}
      />
    </form>
  );
}
