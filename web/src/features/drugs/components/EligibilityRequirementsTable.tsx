import { ELIGIBILITY_LINES, type EligibilityLine } from '@ldn/rules';
import { Badge } from '../../../components/ui/Badge.tsx';
import { drugClassLabel } from '../drug-class-labels.ts';

/** One required line as the rules (or the API) report it (§2, §10, §11). */
export interface RequirementRow {
  line: string;
  met: boolean;
  metBy?: string | null | undefined;
  metByClass?: string | null | undefined;
  classesFrom?: string | null | undefined;
}

function lineLabel(line: string): string {
  return line in ELIGIBILITY_LINES ? ELIGIBILITY_LINES[line as EligibilityLine].label : line;
}

/** Why the drug met the line: its class, and whose classification that is. */
export function metByText(requirement: RequirementRow): string {
  if (!requirement.met || requirement.metBy == null) return '—';
  const why = requirement.metByClass == null ? '' : ` — ${drugClassLabel(requirement.metByClass)}`;
  const whose = requirement.classesFrom === 'RECORDED' ? ', as classified by the clinician' : '';
  return `${requirement.metBy}${why}${whose}`;
}

/** Each required prior line, met or not, and which drug met it and why (§2: explainable). */
export function EligibilityRequirementsTable({ requirements }: { requirements: readonly RequirementRow[] }) {
  return (
    <table className="table">
      <caption className="visually-hidden">Eligibility requirements</caption>
      <thead>
        <tr>
          <th scope="col">Requirement</th>
          <th scope="col">Met</th>
          <th scope="col">Met by</th>
        </tr>
      </thead>
      <tbody>
        {requirements.map((requirement) => (
          <tr key={requirement.line}>
            <td>{lineLabel(requirement.line)}</td>
            <td>
              <Badge
                value={requirement.met ? 'MET' : 'NOT_MET'}
                tone={requirement.met ? 'success' : 'danger'}
              />
            </td>
            <td>{metByText(requirement)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
