import { betterWhenText, SYMPTOM_MEASURES, SYMPTOM_SCALES, type SymptomMeasure } from '@ldn/rules';
import { Badge } from '../../../components/ui/Badge.tsx';
import { Disclosure } from '../../../components/ui/Disclosure.tsx';
import { Section } from '../../../components/ui/Page.tsx';
import { EmptyState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { MarkSymptomScoreEnteredInErrorMutation } from '../api/mark-symptom-score-entered-in-error.ts';
import type { PatientRecord, SymptomScoreRecord } from '../api/patient.ts';
import { AmendScoreForm } from './AmendScoreForm.tsx';
import { CorrectionActions } from './CorrectionActions.tsx';
import { SymptomScoreForm } from './SymptomScoreForm.tsx';
import { previousScoreOf } from './score.ts';

/** A visit: the scores of one day, by measure (a score entered in error and its replacement both). */
interface Visit {
  scoredOn: string;
  byMeasure: Partial<Record<SymptomMeasure, SymptomScoreRecord[]>>;
}

/** The scores grouped into visits, newest first (the API lists them by date, oldest first). */
export function visitsOf(scores: readonly SymptomScoreRecord[]): Visit[] {
  const visits = new Map<string, Visit>();
  for (const score of scores) {
    const visit = visits.get(score.scoredOn) ?? { scoredOn: score.scoredOn, byMeasure: {} };
    visit.byMeasure[score.measure] = [...(visit.byMeasure[score.measure] ?? []), score];
    visits.set(score.scoredOn, visit);
  }
  return [...visits.values()].sort((a, b) => b.scoredOn.localeCompare(a.scoredOn));
}

/** Pain (the baseline of §5) and the secondary measures, one row per visit, newest first. */
export function ScoresSection({ patient }: { patient: PatientRecord }) {
  const visits = visitsOf(patient.symptomScores);
  return (
    <Section title="Pain scores">
      {visits.length === 0 ? (
        <EmptyState>No score recorded.</EmptyState>
      ) : (
        <ScrollArea label="Scores by visit" tall>
          <table className="table scores-table">
            <caption className="visually-hidden">Scores by visit (0–10), newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                {SYMPTOM_MEASURES.map((measure) => (
                  <th key={measure} scope="col">
                    {SYMPTOM_SCALES[measure].label}
                    <span className="cell-detail muted">
                      {betterWhenText(SYMPTOM_SCALES[measure].betterWhen)}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {visits.map((visit) => (
                <tr key={visit.scoredOn}>
                  <th scope="row">{formatDate(visit.scoredOn)}</th>
                  {SYMPTOM_MEASURES.map((measure) => (
                    <td key={measure}>
                      {(visit.byMeasure[measure] ?? []).map((score) => (
                        <ScoreEntry key={score.id} score={score} />
                      ))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      <Disclosure label="Record scores">
        {(close) => <SymptomScoreForm patientId={patient.id} close={close} />}
      </Disclosure>
    </Section>
  );
}

/** One score: its value (struck through when entered in error), its corrections, and what may be done. */
function ScoreEntry({ score }: { score: SymptomScoreRecord }) {
  const what = `${SYMPTOM_SCALES[score.measure].label.toLowerCase()} of ${formatDate(score.scoredOn)}`;
  return (
    <div className={score.enteredInError ? 'score-entry score-entered-in-error' : 'score-entry'}>
      <span className="score-value">{score.score}</span>
      {score.enteredInError && (
        <p className="cell-detail">
          <Badge value="ENTERED_IN_ERROR" tone="danger" label="Entered in error" /> by{' '}
          {score.enteredInErrorByName ?? 'a clinician'} on {formatDateTime(score.enteredInErrorAt)}:{' '}
          {score.enteredInErrorReason}
        </p>
      )}
      {score.amendments.map((amendment) => (
        <p key={amendment.amendedAt} className="cell-detail muted">
          Amended from {previousScoreOf(amendment.previous) ?? '—'} by {amendment.amendedBy} on{' '}
          {formatDateTime(amendment.amendedAt)}: {amendment.reason}
        </p>
      ))}
      <CorrectionActions
        what={what}
        enteredInError={score.enteredInError}
        amendForm={(close) => <AmendScoreForm score={score} what={what} close={close} />}
        markMutation={MarkSymptomScoreEnteredInErrorMutation}
        markVariables={(reason) => ({ scoreId: score.id, version: score.version, reason })}
      />
    </div>
  );
}
