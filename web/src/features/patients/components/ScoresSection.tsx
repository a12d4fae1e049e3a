import { Section } from '../../../components/ui/Page.tsx';
import { EmptyState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { formatDate } from '../../../lib/format.ts';
import type { PatientRecord } from '../api/patient.ts';
import { Disclosure } from './Disclosure.tsx';
import { MEASURE_LABELS } from './labels.ts';
import { SymptomScoreForm } from './SymptomScoreForm.tsx';

/** Pain scores (the baseline of §5), newest first, then the secondary measures. */
export function ScoresSection({ patient }: { patient: PatientRecord }) {
  const newestFirst = [...patient.symptomScores].reverse();
  const pain = newestFirst.filter((score) => score.measure === 'PAIN_NRS');
  const others = newestFirst.filter((score) => score.measure !== 'PAIN_NRS');
  return (
    <Section title="Pain scores">
      {pain.length === 0 ? (
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
              {pain.map((score) => (
                <tr key={score.id}>
                  <td>{formatDate(score.scoredOn)}</td>
                  <td>{score.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      {others.length > 0 && (
        <>
          <h3>Other measures</h3>
          <ScrollArea label="Other measures" tall>
            <table className="table">
              <caption className="visually-hidden">Secondary measures (0–10), newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Measure</th>
                  <th scope="col">Score</th>
                </tr>
              </thead>
              <tbody>
                {others.map((score) => (
                  <tr key={score.id}>
                    <td>{formatDate(score.scoredOn)}</td>
                    <td>{MEASURE_LABELS[score.measure]}</td>
                    <td>{score.score}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        </>
      )}
      <Disclosure label="Record scores">
        {(close) => <SymptomScoreForm patientId={patient.id} close={close} />}
      </Disclosure>
    </Section>
  );
}
