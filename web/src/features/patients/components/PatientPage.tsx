import { blocksAnotherStart, CONDITIONS } from '@ldn/rules';
import { Badge } from '../../../components/ui/Badge.tsx';
import { DetailList } from '../../../components/ui/DetailList.tsx';
import { Disclosure } from '../../../components/ui/Disclosure.tsx';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { EmptyState, QueryState } from '../../../components/ui/QueryState.tsx';
import { trialStateTone } from '../../../components/ui/tones.ts';
import { formatDate, formatDose, patientName } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { useSession } from '../../auth/session.tsx';
import { type PatientRecord, usePatient } from '../api/patient.ts';
import { ConsentsSection } from './ConsentsSection.tsx';
import { EditDetailsForm } from './EditDetailsForm.tsx';
import { EligibilityPanel } from './EligibilityPanel.tsx';
import { MedicationsSection } from './MedicationsSection.tsx';
import { activeOpioidNames } from './opioid-free.ts';
import { PriorTherapiesSection } from './PriorTherapiesSection.tsx';
import { ScoresSection } from './ScoresSection.tsx';

/** A patient's record: details, histories, consents, scores and eligibility, each recorded here. */
export function PatientPage({ patientId }: { patientId: string }) {
  const [result, refetch] = usePatient(patientId);
  return (
    <QueryState
      result={result}
      loadingLabel="Loading the patient…"
      wording={{ NOT_FOUND: 'This patient is not in your clinic’s records.' }}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {({ patient }) => <PatientRecordView patient={patient} />}
    </QueryState>
  );
}

function address(patient: PatientRecord): string {
  const parts = [
    patient.addressLine1,
    patient.addressLine2,
    patient.city,
    patient.region,
    patient.postalCode,
  ];
  const filled = parts.filter((part): part is string => part !== null && part !== '');
  return filled.length === 0 ? '—' : filled.join(', ');
}

/** A trial not yet ended blocks another start (the API answers CONFLICT); one entered in error does not. */
export function hasActiveTrial(trials: PatientRecord['trials']): boolean {
  return trials.some((trial) =>
    blocksAnotherStart({
      state: trial.status.state,
      endedOn: trial.endedOn,
      enteredInError: trial.enteredInError,
    }),
  );
}

/** Starting a trial is the clinician's (workflows.md); the link shows only to them, only when none is active. */
function StartTrialLink({ patient }: { patient: PatientRecord }) {
  const { session } = useSession();
  if (session.status !== 'signed-in' || session.me.role !== 'CLINICIAN') return null;
  if (hasActiveTrial(patient.trials)) return null;
  return (
    <Link to={`/patients/${patient.id}/start-trial`} className="patient-action-link">
      Start trial
    </Link>
  );
}

function PatientRecordView({ patient }: { patient: PatientRecord }) {
  // The stored classification decides (§11); an entered-in-error record counts nowhere.
  const activeOpioids = activeOpioidNames(patient.medications);
  const latestTrial = patient.trials.at(-1);
  return (
    <>
      <PageHeader
        title={patientName(patient)}
        subtitle={`MRN ${patient.mrn} · born ${formatDate(patient.dateOfBirth)}`}
        actions={<StartTrialLink patient={patient} />}
      />
      {activeOpioids.length > 0 && (
        <div className="notice notice-error" role="note">
          <strong>Active opioid:</strong> {activeOpioids.join(', ')}. LDN blocks opioid analgesia and cannot
          start while an opioid is taken.
        </div>
      )}
      <div className="grid-2">
        <Section title="Details">
          <DetailList
            items={[
              ['Date of birth', formatDate(patient.dateOfBirth)],
              ['Phone', patient.phone ?? '—'],
              ['Email', patient.email ?? '—'],
              ['Address', address(patient)],
              ['Allergies', patient.allergies ?? 'None recorded'],
            ]}
          />
          <Disclosure label="Edit details">
            {(close) => <EditDetailsForm patient={patient} close={close} />}
          </Disclosure>
        </Section>
        <Section title="Trials">
          {patient.trials.length === 0 ? (
            <EmptyState>No LDN trial yet.</EmptyState>
          ) : (
            <ul className="plain-list">
              {patient.trials.map((trial) => (
                <li key={trial.id}>
                  {/* Entered in error: listed struck through, still linked (its page says who, when, why). */}
                  <Link
                    to={`/trials/${trial.id}`}
                    className={trial.enteredInError ? 'struck-trial' : undefined}
                  >
                    {CONDITIONS[trial.condition].label} trial from {formatDate(trial.startDate)}
                  </Link>{' '}
                  {trial.enteredInError ? (
                    <Badge value="ENTERED_IN_ERROR" tone="danger" label="Entered in error" />
                  ) : (
                    <>
                      <Badge value={trial.status.state} tone={trialStateTone(trial.status.state)} />{' '}
                      <span className="muted">{formatDose(trial.status.currentDoseMg)}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      <Section title="Eligibility">
        <EligibilityPanel
          patientId={patient.id}
          initialCondition={latestTrial?.condition ?? 'FIBROMYALGIA'}
        />
      </Section>
      <PriorTherapiesSection patient={patient} />
      <MedicationsSection patient={patient} />
      <div className="grid-2">
        <ConsentsSection patient={patient} />
        <ScoresSection patient={patient} />
      </div>
    </>
  );
}
