import { describeEvidence, isSufficientOverrideReason } from '@ldn/rules';
import { useId } from 'react';
import { humanize } from '../../lib/format.ts';
import type { OverrideReasons, ShownFinding } from '../../lib/override-reasons.ts';
import { Badge, type BadgeTone } from './Badge.tsx';

const SEVERITY: Record<string, { label: string; tone: BadgeTone }> = {
  HARD_STOP: { label: 'Hard stop', tone: 'danger' },
  SOFT_STOP: { label: 'Soft stop', tone: 'warning' },
  WARNING: { label: 'Warning', tone: 'info' },
};

/**
 * Every finding at once: a hard stop explained (nothing overrides it), a soft stop with its own
 * reason box (at least the policy's minimum words), a warning shown. Evidence references carry
 * their citation.
 */
export function FindingList({
  findings,
  reasons,
  onReasonChange,
  minimumWords,
  label = 'Findings',
  hardStopHint = 'No override exists.',
}: {
  findings: readonly ShownFinding[];
  reasons: OverrideReasons;
  onReasonChange(code: string, reason: string): void;
  minimumWords: number;
  label?: string;
  /** What a hard stop leaves the person to do (nothing overrides it). */
  hardStopHint?: string;
}) {
  const id = useId();
  if (findings.length === 0) return null;
  return (
    <ul className="finding-list" aria-label={label}>
      {findings.map((finding) => {
        const severity = SEVERITY[finding.severity] ?? { label: humanize(finding.severity), tone: 'neutral' };
        const reason = reasons[finding.code] ?? '';
        const reasonId = `${id}-${finding.code}`;
        const sufficient = isSufficientOverrideReason(reason, minimumWords);
        return (
          <li key={finding.code} className={`finding finding-${finding.severity.toLowerCase()}`}>
            <p>
              <Badge value={finding.severity} tone={severity.tone} label={severity.label} />{' '}
              <code>{finding.code}</code>
            </p>
            <p>{finding.message}</p>
            {finding.evidence !== undefined && finding.evidence.length > 0 && (
              <p className="muted small">
                Evidence:{' '}
                {describeEvidence(finding.evidence).map(({ ref, citation }) => (
                  <abbr key={ref} title={citation}>
                    [{ref}]
                  </abbr>
                ))}
              </p>
            )}
            {finding.severity === 'HARD_STOP' && <p className="muted small">{hardStopHint}</p>}
            {finding.severity === 'SOFT_STOP' && (
              <div className="field">
                <label htmlFor={reasonId}>Reason to override {humanize(finding.code).toLowerCase()}</label>
                <textarea
                  id={reasonId}
                  rows={2}
                  value={reason}
                  onChange={(event) => onReasonChange(finding.code, event.target.value)}
                  aria-describedby={`${reasonId}-hint`}
                />
                <p id={`${reasonId}-hint`} className="hint">
                  {sufficient
                    ? 'Reason given: it is stored with the record, with your name and the time.'
                    : `At least ${minimumWords} words; stored with the record, with your name and the time.`}
                </p>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
