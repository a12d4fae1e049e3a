import { Badge } from '../../../components/ui/Badge.tsx';
import { Disclosure } from '../../../components/ui/Disclosure.tsx';
import { Section } from '../../../components/ui/Page.tsx';
import { EmptyState } from '../../../components/ui/QueryState.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { PatientRecord } from '../api/patient.ts';
import { ConsentForm } from './ConsentForm.tsx';

/** Each consent recorded, complete or not, with the points it covered (§7). */
export function ConsentsSection({ patient }: { patient: PatientRecord }) {
  return (
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
      <Disclosure label="Record consent">
        {(close) => <ConsentForm patientId={patient.id} close={close} />}
      </Disclosure>
    </Section>
  );
}
