import { type FormEvent, useId, useState } from 'react';
import type { CloseDisclosure } from '../../../components/ui/Disclosure.tsx';
import { RecordFormFooter } from '../../../components/ui/RecordFormFooter.tsx';
import { TextField } from '../../../components/ui/TextField.tsx';
import { localToday } from '../../../lib/dates.ts';
import { formErrorsOf } from '../../../lib/form-errors.ts';
import { formatDate } from '../../../lib/format.ts';
import { useAttestOpioidFree } from '../api/attest-opioid-free.ts';
import type { PatientRecord } from '../api/patient.ts';
import {
  ATTESTATION_WORDING,
  activeOpioidNames,
  checkAttestationDraft,
  lastStoppedOpioid,
} from './opioid-free.ts';

const FIELDS = ['attestedOn', 'lastOpioidDrug', 'lastOpioidDoseOn', 'note'] as const;

/**
 * The clinician's record that the patient is opioid-free (§3); the last opioid dose, when there
 * was one, is what the washout counts from. Filled with the latest opioid stopped on the list.
 */
export function OpioidFreeForm({ patient, close }: { patient: PatientRecord; close: CloseDisclosure }) {
  const id = useId();
  const today = localToday();
  const [lastStopped] = useState(() => lastStoppedOpioid(patient.medications));
  const [attestedOn, setAttestedOn] = useState(today);
  const [lastOpioidDrug, setLastOpioidDrug] = useState(lastStopped?.drug ?? '');
  const [lastOpioidDoseOn, setLastOpioidDoseOn] = useState(lastStopped?.stoppedOn ?? '');
  const [note, setNote] = useState('');
  const [result, attestOpioidFree] = useAttestOpioidFree();
  const errors = formErrorsOf(result.error, FIELDS);
  const { problem, washout } = checkAttestationDraft({ attestedOn, lastOpioidDrug, lastOpioidDoseOn });
  const activeOpioids = activeOpioidNames(patient.medications);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (problem !== null) return;
    const answer = await attestOpioidFree({
      patientId: patient.id,
      input: {
        attestedOn,
        ...(lastOpioidDrug.trim() !== '' && { lastOpioidDrug: lastOpioidDrug.trim(), lastOpioidDoseOn }),
        ...(note.trim() !== '' && { note: note.trim() }),
      },
    });
    if (answer.data?.attestOpioidFree !== undefined) close('Opioid-free attestation recorded.');
  };

  return (
    <form className="record-form" onSubmit={(event) => void onSubmit(event)} aria-label="Attest opioid-free">
      <div className="record-grid">
        <TextField
          id={`${id}-attested`}
          label="Attested on"
          type="date"
          required
          max={today}
          value={attestedOn}
          onChange={setAttestedOn}
          error={errors.fields.attestedOn}
        />
        <TextField
          id={`${id}-last-drug`}
          label="Last opioid (if any)"
          autoComplete="off"
          value={lastOpioidDrug}
          onChange={setLastOpioidDrug}
          error={errors.fields.lastOpioidDrug}
        />
        <TextField
          id={`${id}-last-dose`}
          label="Last opioid dose on"
          type="date"
          max={attestedOn === '' ? today : attestedOn}
          value={lastOpioidDoseOn}
          onChange={setLastOpioidDoseOn}
          error={errors.fields.lastOpioidDoseOn}
        />
      </div>
      {washout !== null && (
        <p className="hint">
          Washout {washout.days} days (default clinic policy): a start from{' '}
          {formatDate(washout.earliestStart)}.
        </p>
      )}
      {problem !== null && <p className="field-error">{problem}</p>}
      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea id={`${id}-note`} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      {activeOpioids.length > 0 && errors.general === null && (
        <p className="opioid-hint">
          Still taken: {activeOpioids.join(', ')}. An attestation is refused while an opioid is active.
        </p>
      )}
      <RecordFormFooter
        refusal={errors.general}
        wording={ATTESTATION_WORDING}
        busy={result.fetching}
        ready={problem === null}
        submitLabel="Record attestation"
        busyLabel="Recording…"
        onCancel={() => close()}
      />
    </form>
  );
}
