import { useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Disclosure } from '../../../components/ui/Disclosure.tsx';
import { Section } from '../../../components/ui/Page.tsx';
import { EmptyState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { MedicationRecord, PatientRecord } from '../api/patient.ts';
import type { RecordedMedication } from '../api/record-medication.ts';
import { DrugClassesCell, DrugNameCell, DrugRecordHistory, drugRowClass } from './DrugRecordCells.tsx';
import { FindingList } from './FindingList.tsx';
import { MedicationForm } from './MedicationForm.tsx';
import { MedicationRowActions } from './MedicationRowActions.tsx';
import { OpioidFreeForm } from './OpioidFreeForm.tsx';

/** The medication list with opioids flagged, and the opioid-free attestation (§3, §11). */
export function MedicationsSection({ patient }: { patient: PatientRecord }) {
  const [lastRecorded, setLastRecorded] = useState<RecordedMedication | null>(null);
  const latestAttestation = patient.opioidFreeAttestations.at(-1);
  // Once the medication just recorded is stopped (or entered in error), what was said of it no longer applies.
  const lastStillTaken =
    lastRecorded !== null &&
    patient.medications.find((medication) => medication.id === lastRecorded.medication.id)?.active !== false;
  return (
    <Section title="Medications">
      {patient.medications.length === 0 ? (
        <EmptyState>No medication recorded.</EmptyState>
      ) : (
        <ScrollArea label="Medications table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Drug</th>
                <th scope="col">Classes</th>
                <th scope="col">Dose</th>
                <th scope="col">Started</th>
                <th scope="col">Stopped</th>
                <th scope="col">Flags</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {patient.medications.map((medication) => (
                <MedicationRow key={medication.id} medication={medication} onRecorded={setLastRecorded} />
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      {lastRecorded !== null && lastStillTaken && <RecordedMedicationNotice recorded={lastRecorded} />}
      <Disclosure label="Record medication">
        {(close) => <MedicationForm patientId={patient.id} close={close} onRecorded={setLastRecorded} />}
      </Disclosure>

      <h3>Opioid-free attestation</h3>
      {latestAttestation === undefined ? (
        <EmptyState>Not attested opioid-free.</EmptyState>
      ) : (
        <p>
          Opioid-free attested on {formatDate(latestAttestation.attestedOn)}
          {latestAttestation.lastOpioidDrug !== null &&
            ` (last ${latestAttestation.lastOpioidDrug} on ${formatDate(latestAttestation.lastOpioidDoseOn)})`}
          .{latestAttestation.note !== null && <span className="muted"> {latestAttestation.note}</span>}
        </p>
      )}
      <Disclosure label="Attest opioid-free">
        {(close) => <OpioidFreeForm patient={patient} close={close} />}
      </Disclosure>
    </Section>
  );
}

function MedicationRow({
  medication,
  onRecorded,
}: {
  medication: MedicationRecord;
  onRecorded: (recorded: RecordedMedication) => void;
}) {
  // An entered-in-error record counts nowhere: not an opioid of this patient any more.
  const opioid = medication.isOpioid && !medication.enteredInError;
  return (
    <tr className={drugRowClass(medication, opioid)}>
      <td>
        <DrugNameCell record={medication} />
      </td>
      <td>
        <DrugClassesCell record={medication} />
      </td>
      <td className="struck-when-in-error">{medication.dose ?? '—'}</td>
      <td className="struck-when-in-error">{formatDate(medication.startedOn)}</td>
      <td>
        {medication.enteredInError
          ? '—'
          : medication.active
            ? 'Still taken'
            : formatDate(medication.stoppedOn)}
      </td>
      <td>
        {opioid && (
          <Badge
            value="OPIOID"
            tone={medication.active ? 'danger' : 'warning'}
            label={medication.active ? 'Opioid, active' : 'Opioid, stopped'}
          />
        )}
        {medication.needsReview && !medication.enteredInError && (
          <span className="cell-detail">
            <Badge value="POSSIBLE_OPIOID_REVIEW" tone="danger" label="Possible opioid: review" />
          </span>
        )}
        <DrugRecordHistory record={medication} />
      </td>
      <td>
        <MedicationRowActions medication={medication} onRecorded={onRecorded} />
      </td>
    </tr>
  );
}

/** What the API said of the medication just recorded: an opioid, and any trial it put on hold. */
function RecordedMedicationNotice({ recorded }: { recorded: RecordedMedication }) {
  const { medication, findings, trialsPutOnHold } = recorded;
  if (!medication.isOpioid && findings.length === 0) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{medication.drug} is an opioid.</strong> LDN blocks opioid analgesia and cannot start while an
        opioid is taken; record its last dose when it stops.
      </p>
      {trialsPutOnHold.length > 0 && (
        <p>
          {trialsPutOnHold.length === 1 ? 'The active trial was' : `${trialsPutOnHold.length} trials were`}{' '}
          put on hold from {formatDate(trialsPutOnHold[0]?.heldOn)}, with its open pharmacy orders.
        </p>
      )}
      <FindingList findings={findings} />
    </div>
  );
}
