import { Badge } from '../../../components/ui/Badge.tsx';
import { QueryState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { localToday } from '../../../lib/dates.ts';
import { formatDate } from '../../../lib/format.ts';
import type { ConditionCode } from '../api/eligibility.ts';
import { useStartCheck } from '../api/start-check.ts';
import { startRequirementsOf } from './start-readiness.ts';

const STATUS_BADGE = {
  MET: { tone: 'success', label: 'Met' },
  OVERRIDE: { tone: 'warning', label: 'Needs an override reason' },
  NOT_MET: { tone: 'danger', label: 'Not met' },
} as const;

const OUTCOME_BADGE: Record<string, { tone: 'success' | 'warning' | 'danger'; label: string }> = {
  ALLOWED: { tone: 'success', label: 'A trial could start today' },
  OVERRIDE_REQUIRED: { tone: 'warning', label: 'A start today needs an override reason' },
  REFUSED: { tone: 'danger', label: 'A trial cannot start today' },
};

/** Each requirement of a start today, met or not and why, as the API's start check finds it. */
export function StartReadiness({ patientId, condition }: { patientId: string; condition: ConditionCode }) {
  const today = localToday();
  const [result, refetch] = useStartCheck(patientId, condition, today);
  return (
    <QueryState
      result={result}
      loadingLabel="Checking a start today…"
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {({ trialStartCheck }) => {
        const outcome = OUTCOME_BADGE[trialStartCheck.outcome] ?? OUTCOME_BADGE.REFUSED;
        const baseline = trialStartCheck.baseline;
        return (
          <>
            <p>
              <Badge value={trialStartCheck.outcome} tone={outcome?.tone} label={outcome?.label} />
            </p>
            <ScrollArea label="Start requirements table">
              <table className="table">
                <caption className="visually-hidden">Start requirements for {formatDate(today)}</caption>
                <thead>
                  <tr>
                    <th scope="col">Requirement</th>
                    <th scope="col">Status</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {startRequirementsOf(trialStartCheck.findings).map((requirement) => (
                    <tr key={requirement.key}>
                      <td>{requirement.label}</td>
                      <td>
                        <Badge
                          value={requirement.status}
                          tone={STATUS_BADGE[requirement.status].tone}
                          label={STATUS_BADGE[requirement.status].label}
                        />
                      </td>
                      <td>
                        {requirement.findings.length === 0
                          ? requirement.key === 'BASELINE' && baseline !== null
                            ? `Pain ${baseline.score} on ${formatDate(baseline.date)}.`
                            : '—'
                          : requirement.findings.map((finding) => (
                              <p key={finding.code} className="finding-line">
                                {finding.message}
                                {finding.evidence.length > 0 && (
                                  <span className="muted"> [{finding.evidence.join('][')}]</span>
                                )}
                              </p>
                            ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          </>
        );
      }}
    </QueryState>
  );
}
