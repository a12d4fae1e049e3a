import { daysBetween, type TitrationPlan } from '@ldn/rules';
import { DetailList } from '../../../components/ui/DetailList.tsx';
import { formatDate, formatDose } from '../../../lib/format.ts';

/** The default schedule from a start date (rules: planTitration), with the assessment window. */
export function TitrationPlanPreview({ plan }: { plan: TitrationPlan }) {
  return (
    <>
      <table className="table">
        <caption className="visually-hidden">Titration plan</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Nightly dose</th>
            <th scope="col">Nights</th>
          </tr>
        </thead>
        <tbody>
          {plan.steps.map((step, index) => {
            const next = plan.steps[index + 1];
            return (
              <tr key={step.from}>
                <td>{formatDate(step.from)}</td>
                <td>{formatDose(step.doseMg)} at bedtime</td>
                <td>{next === undefined ? 'from then on' : daysBetween(step.from, next.from)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <DetailList
        items={[
          ['Target', `${formatDose(plan.targetDoseMg)}, reached ${formatDate(plan.targetReachedOn)}`],
          ['Assessment window opens', formatDate(plan.assessmentOpensOn)],
          ['Assessment due by', formatDate(plan.assessmentDueBy)],
        ]}
      />
      <p className="muted small">
        Increase by 1.5 mg every 2 weeks to 4.5 mg at bedtime [1]; the response is assessed 4–8 weeks at the
        target dose [2]. Holds and dose changes move these dates; the trial page recomputes them.
      </p>
    </>
  );
}
