import { describeEvidence, FINDINGS } from '@ldn/rules';

/** A finding of the rules, from the rules package itself or from the API's `extensions.findings`. */
export interface ShownFinding {
  code: string;
  message: string;
  evidence?: readonly string[];
}

/** The evidence of a finding: its own, else what the rules package's catalogue says of its code. */
function evidenceOf(finding: ShownFinding): readonly string[] {
  if (finding.evidence !== undefined) return finding.evidence;
  return finding.code in FINDINGS ? FINDINGS[finding.code as keyof typeof FINDINGS].evidence : [];
}

/** Findings with their code, message and the evidence they rest on. */
export function FindingList({ findings }: { findings: readonly ShownFinding[] }) {
  return (
    <ul className="findings order-findings">
      {findings.map((finding) => {
        const evidence = describeEvidence(evidenceOf(finding));
        return (
          <li key={finding.code}>
            <strong>{finding.code}</strong>: {finding.message}
            {evidence.length > 0 && (
              <details className="finding-evidence">
                <summary>Evidence {evidence.map((item) => `[${item.ref}]`).join('')}</summary>
                <ul className="compact-list">
                  {evidence.map((item) => (
                    <li key={item.ref}>
                      [{item.ref}] {item.citation}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
