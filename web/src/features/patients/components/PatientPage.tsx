import { CONDITIONS } from '@ldn/rules';
import { Badge } from '../../../components/ui/Badge.tsx';
import { DetailList } from '../../../components/ui/DetailList.tsx';
import { PageHeader, Section } from '../../../components/ui/Page.tsx';
import { EmptyState, QueryState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { formatDate, formatDose, humanize, patientName } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { type PatientRecord, usePatient } from '../api/patient.ts';
import { EligibilityPanel } from './EligibilityPanel.tsx';

/** A patient's record, read-only: details, histories, consents, scores, eligibility and trials. */
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

/** Therapy classes as the clinic writes them: TCA and SNRI are abbreviations. */
function therapyClassLabel(therapyClass: string): string {
  return therapyClass === 'TCA' || therapyClass === 'SNRI' ? therapyClass : humanize(therapyClass);
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

function PatientRecordView({ patient }: { patient: PatientRecord }) {
  const activeOpioids = patient.medications.filter((medication) => medication.active && medication.isOpioid);
  const latestTrial = patient.trials.at(-1);
  return (
    <>
      <PageHeader
        title={patientName(patient)}
        subtitle={`MRN ${patient.mrn} · born ${formatDate(patient.dateOfBirth)}`}
      />
      {activeOpioids.length > 0 && (
        <div className="notice notice-error" role="note">
          <strong>Active opioid:</strong> {activeOpioids.map((medication) => medication.drug).join(', ')}. LDN
          blocks opioid analgesia and cannot start while an opioid is taken.
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
        </Section>
        <Section title="Trials">
          {patient.trials.length === 0 ? (
            <EmptyState>No LDN trial yet.</EmptyState>
          ) : (
            <ul className="plain-list">
              {patient.trials.map((trial) => (
                <li key={trial.id}>
                  <Link to={`/trials/${trial.id}`}>
                    {CONDITIONS[trial.condition].label} trial from {formatDate(trial.startDate)}
                  </Link>{' '}
                  <Badge value={trial.status.state} />{' '}
                  <span className="muted">{formatDose(trial.status.currentDoseMg)}</span>
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
      <Section title="Prior therapies">
        {patient.priorTherapies.length === 0 ? (
          <EmptyState>No prior therapy recorded.</EmptyState>
        ) : (
          <ScrollArea label="Prior therapies table">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Drug</th>
                  <th scope="col">Classes</th>
                  <th scope="col">Dose range</th>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {patient.priorTherapies.map((therapy) => (
                  <tr key={therapy.id}>
                    <td>{therapy.drug}</td>
                    <td>{therapy.classes.map(therapyClassLabel).join(', ')}</td>
                    <td>{therapy.doseRange ?? '—'}</td>
                    <td>{formatDate(therapy.startedOn)}</td>
                    <td>{formatDate(therapy.endedOn)}</td>
                    <td>{humanize(therapy.outcome)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        )}
      </Section>
      <Section title="Medications">
        {patient.medications.length === 0 ? (
          <EmptyState>No medication recorded.</EmptyState>
        ) : (
          <ScrollArea label="Medications table">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Drug</th>
                  <th scope="col">Dose</th>
                  <th scope="col">Started</th>
                  <th scope="col">Stopped</th>
                  <th scope="col">Flags</th>
                </tr>
              </thead>
              <tbody>
                {patient.medications.map((medication) => (
                  <tr key={medication.id} className={medication.isOpioid ? 'row-flagged' : undefined}>
                    <td>{medication.drug}</td>
                    <td>{medication.dose ?? '—'}</td>
                    <td>{formatDate(medication.startedOn)}</td>
                    <td>{medication.active ? 'Still taken' : formatDate(medication.stoppedOn)}</td>
                    <td>
                      {medication.isOpioid && (
                        <Badge
                          value="OPIOID"
                          tone={medication.active ? 'danger' : 'warning'}
                          label="Opioid"
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        )}
        {patient.opioidFreeAttestations.length > 0 && (
          <p className="muted">
            Opioid-free attested on {formatDate(patient.opioidFreeAttestations.at(-1)?.attestedOn)}
            {patient.opioidFreeAttestations.at(-1)?.lastOpioidDrug
              ? ` (last ${patient.opioidFreeAttestations.at(-1)?.lastOpioidDrug} on ${formatDate(
                  patient.opioidFreeAttestations.at(-1)?.lastOpioidDoseOn,
                )})`
              : ''}
            .
          </p>
        )}
      </Section>
      <div className="grid-2">
        <Section title="Consents">
          {patient.consents.length === 0 ? (
            <EmptyState>No consent recorded.</EmptyState>
          ) : (
            <ul className="plain-list">
              {patient.consents.map((consent) => (
                <li key={consent.id}>
                  <p>
                    {formatDate(consent.recordedOn)}{' '}
                    <Badge
                      value={consent.complete ? 'COMPLETE' : 'INCOMPLETE'}
                      tone={consent.complete ? 'success' : 'warning'}
                    />
                  </p>
                  <ul>
                    {consent.points.map((point) => (
                      <li key={point.code}>{point.text}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="Pain scores">
          {patient.painScores.length === 0 ? (
            <EmptyState>No pain score recorded.</EmptyState>
          ) : (
            <ScrollArea label="Pain scores" tall>
              <table className="table">
                <caption className="visually-hidden">Pain scores (0–10), newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Pain (0–10)</th>
                  </tr>
                </thead>
                <tbody>
                  {[...patient.painScores].reverse().map((score) => (
                    <tr key={score.id}>
                      <td>{formatDate(score.scoredOn)}</td>
                      <td>{score.score}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          )}
        </Section>
      </div>
    </>
  );
}
