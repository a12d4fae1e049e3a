import { Disclosure } from '../../../components/ui/Disclosure.tsx';
import { Section } from '../../../components/ui/Page.tsx';
import { EmptyState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { formatDate, humanize } from '../../../lib/format.ts';
import { MarkPriorTherapyEnteredInErrorMutation } from '../api/mark-prior-therapy-entered-in-error.ts';
import type { PatientRecord, PriorTherapyRecord } from '../api/patient.ts';
import { AmendPriorTherapyForm } from './AmendPriorTherapyForm.tsx';
import { DrugRecordActions } from './DrugRecordActions.tsx';
import { DrugClassesCell, DrugNameCell, DrugRecordHistory, drugRowClass } from './DrugRecordCells.tsx';
import { PriorTherapyForm } from './PriorTherapyForm.tsx';

/** The therapies tried before LDN, in the order recorded (§2), with their classes and corrections. */
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
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {patient.priorTherapies.map((therapy) => (
                <tr key={therapy.id} className={drugRowClass(therapy, false)}>
                  <td>
                    <DrugNameCell record={therapy} />
                  </td>
                  <td>
                    <DrugClassesCell record={therapy} />
                  </td>
                  <td className="struck-when-in-error">{therapy.doseRange ?? '—'}</td>
                  <td className="struck-when-in-error">{formatDate(therapy.startedOn)}</td>
                  <td className="struck-when-in-error">{formatDate(therapy.endedOn)}</td>
                  <td className="struck-when-in-error">{humanize(therapy.outcome)}</td>
                  <td>
                    {therapy.note ?? '—'}
                    <DrugRecordHistory record={therapy} />
                  </td>
                  <td>
                    <PriorTherapyActions therapy={therapy} />
                  </td>
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

/** Correct it, or (clinicians) mark it entered in error; nothing for one already in error. */
function PriorTherapyActions({ therapy }: { therapy: PriorTherapyRecord }) {
  return (
    <DrugRecordActions
      record={therapy}
      amendForm={(close) => <AmendPriorTherapyForm therapy={therapy} close={close} />}
      markMutation={MarkPriorTherapyEnteredInErrorMutation}
      markVariables={(reason) => ({ priorTherapyId: therapy.id, version: therapy.version, reason })}
    />
  );
}
