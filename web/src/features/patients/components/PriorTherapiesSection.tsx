import { Section } from '../../../components/ui/Page.tsx';
import { EmptyState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { formatDate, humanize } from '../../../lib/format.ts';
import type { PatientRecord } from '../api/patient.ts';
import { Disclosure } from './Disclosure.tsx';
import { therapyClassLabel } from './labels.ts';
import { PriorTherapyForm } from './PriorTherapyForm.tsx';

/** The therapies tried before LDN, in the order recorded (§2). */
export function PriorTherapiesSection({ patient }: { patient: PatientRecord }) {
  return (
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
                <th scope="col">Note</th>
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
                  <td>{therapy.note ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      <Disclosure label="Add prior therapy">
        {(close) => <PriorTherapyForm patientId={patient.id} close={close} />}
      </Disclosure>
    </Section>
  );
}
