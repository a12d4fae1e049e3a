import { formatDate } from '../../../lib/format.ts';
import type { TrialRecord } from '../api/trial.ts';

/** Who entered a score, on every screen that shows it (workflows.md, "The patient"). */
export const SOURCE_WORDS: Record<string, string> = { CLINIC: 'Clinic', PATIENT: 'Patient, from home' };

/** The latest pain scores with who entered each: the clinic, or the patient through their link. */
export function PainScoreList({ trial, latest = 10 }: { trial: TrialRecord; latest?: number }) {
  const scores = trial.painScores.slice(-latest).reverse();
  return (
    <table className="table">
      <caption>Latest pain scores</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Pain</th>
          <th scope="col">Entered by</th>
        </tr>
      </thead>
      <tbody>
        {scores.map((score) => (
          <tr key={score.id}>
            <td>{formatDate(score.scoredOn)}</td>
            <td>{score.score} of 10</td>
            <td>{SOURCE_WORDS[score.source] ?? score.source}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
