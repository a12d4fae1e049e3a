import { Badge } from '../../../components/ui/Badge.tsx';

/** Rule findings with their severity, message and evidence references. */
export function FindingList({
  findings,
}: {
  findings: ReadonlyArray<{ code: string; severity: string; message: string; evidence: readonly string[] }>;
}) {
  if (findings.length === 0) return null;
  return (
    <ul className="findings">
      {findings.map((finding) => (
        <li key={finding.code}>
          <Badge value={finding.severity} tone={finding.severity === 'WARNING' ? 'warning' : 'danger'} />{' '}
          <span className="finding-code">{finding.code}</span> {finding.message}
          {finding.evidence.length > 0 && <span className="muted"> [{finding.evidence.join('][')}]</span>}
        </li>
      ))}
    </ul>
  );
}
