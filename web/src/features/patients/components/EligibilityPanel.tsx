import { CONDITION_CODES, CONDITIONS } from '@ldn/rules';
import { useId, useState } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { QueryState } from '../../../components/ui/QueryState.tsx';
import { EligibilityRequirementsTable } from '../../drugs/components/EligibilityRequirementsTable.tsx';
import { type ConditionCode, useEligibility } from '../api/eligibility.ts';
import { FindingList } from './FindingList.tsx';
import { StartReadiness } from './StartReadiness.tsx';

/**
 * The prior lines of therapy a condition requires, each met or not and by which drug and class, as
 * the API decides (§2, §11); then every requirement of a start today (opioids, baseline, consent)
 * with what stands against it.
 */
export function EligibilityPanel({
  patientId,
  initialCondition,
}: {
  patientId: string;
  initialCondition: ConditionCode;
}) {
  const [condition, setCondition] = useState<ConditionCode>(initialCondition);
  const [result, refetch] = useEligibility(patientId, condition);
  const selectId = useId();
  return (
    <div className="eligibility">
      <div className="field field-inline">
        <label htmlFor={selectId}>Condition</label>
        <select
          id={selectId}
          value={condition}
          onChange={(event) => setCondition(event.target.value as ConditionCode)}
        >
          {CONDITION_CODES.map((code) => (
            <option key={code} value={code}>
              {CONDITIONS[code].label}
            </option>
          ))}
        </select>
      </div>
      <p className="muted">{CONDITIONS[condition].evidenceText}</p>
      <QueryState
        result={result}
        loadingLabel="Checking eligibility…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {({ eligibility }) => (
          <>
            <p>
              <Badge
                value={eligibility.eligible ? 'ELIGIBLE' : 'NOT_ELIGIBLE'}
                tone={eligibility.eligible ? 'success' : 'warning'}
                label={eligibility.eligible ? 'Prior lines met' : 'Prior lines missing'}
              />
            </p>
            <EligibilityRequirementsTable requirements={eligibility.requirements} />
            <FindingList findings={eligibility.findings} />
          </>
        )}
      </QueryState>
      <h3>Ready to start today?</h3>
      <StartReadiness patientId={patientId} condition={condition} />
    </div>
  );
}
