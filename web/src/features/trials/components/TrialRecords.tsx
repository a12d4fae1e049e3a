import { ADVERSE_EFFECT_ACTIONS, ADVERSE_EFFECTS, DISCONTINUATION_REASONS, FORMULATIONS } from '@ldn/rules';
import type { ReactNode } from 'react';
import { Badge } from '../../../components/ui/Badge.tsx';
import { type EnteredInErrorMark, EnteredInErrorNote } from '../../../components/ui/EnteredInErrorNote.tsx';
import { Section } from '../../../components/ui/Page.tsx';
import { EmptyState } from '../../../components/ui/QueryState.tsx';
import { ScrollArea } from '../../../components/ui/ScrollArea.tsx';
import { orderStateTone } from '../../../components/ui/tones.ts';
import { formatDate, formatDateTime, formatDose, formatPercent, humanize } from '../../../lib/format.ts';
import { Link } from '../../../lib/router.tsx';
import { useReviewPatientAdverseEffect } from '../api/patient-link.ts';
import type { TrialRecord } from '../api/trial.ts';
import { markConsequence, recordName, type TrialRecordKind } from '../trial-record-corrections.ts';
import { MarkTrialRecordEnteredInError } from './TrialRecordCorrection.tsx';

/** Holds, overrides and warnings: the exceptions of a trial, with their reasons. */
export function TrialExceptions({ trial }: { trial: TrialRecord }) {
  return (
    <div className="grid-2">
      <Section title="Holds">
        {trial.holds.length === 0 ? (
          <EmptyState>No hold.</EmptyState>
        ) : (
          <ul className="plain-list">
            {trial.holds.map((hold) => (
              <li key={hold.id}>
                {formatDate(hold.heldOn)} –{' '}
                {hold.resumedOn === null ? 'still on hold' : formatDate(hold.resumedOn)}:{' '}
                {humanize(hold.reason)}
                {hold.note !== null && <span className="muted"> — {hold.note}</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Overrides">
        {trial.overrides.length === 0 ? (
          <EmptyState>No soft stop was overridden.</EmptyState>
        ) : (
          <ul className="plain-list">
            {trial.overrides.map((override) => (
              <li key={override.id}>
                <Badge value={override.code} tone="warning" /> on {humanize(override.action).toLowerCase()}: “
                {override.reason}”{' '}
                <span className="muted">
                  — {override.givenBy}, {formatDateTime(override.givenAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {trial.warnings.length > 0 && (
          <>
            <h3>Warnings</h3>
            <ul className="plain-list">
              {trial.warnings.map((warning) => (
                <li key={`${warning.code}-${warning.createdAt}`}>
                  <Badge value={warning.code} tone="warning" /> {warning.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
    </div>
  );
}

/**
 * A trial record's line, struck through with who, when and why once it was entered in error; while
 * it counts, `correcting` (the viewer may mark it) adds its "Entered in error…".
 */
function RecordLine({
  trial,
  kind,
  record,
  what,
  correcting,
  children,
}: {
  trial: TrialRecord;
  kind: TrialRecordKind;
  record: EnteredInErrorMark & { id: string; assessedOn?: string; decision?: string };
  /** The record as the button and the form name it (recordName). */
  what: string;
  correcting: boolean;
  children: ReactNode;
}) {
  return (
    <li className={record.enteredInError ? 'row-entered-in-error' : undefined}>
      <div className="struck-when-in-error">{children}</div>
      <EnteredInErrorNote record={record} />
      {correcting && !record.enteredInError && (
        <MarkTrialRecordEnteredInError
          trial={trial}
          kind={kind}
          recordId={record.id}
          what={what}
          consequence={markConsequence(trial, kind, record)}
        />
      )}
    </li>
  );
}

/**
 * The dose changes recorded after the start, oldest first; those entered in error struck through.
 * `correcting`: the viewer may mark them entered in error (trial-record-corrections.ts).
 */
export function TrialDoseChanges({ trial, correcting }: { trial: TrialRecord; correcting: boolean }) {
  return (
    <Section title="Dose changes">
      {trial.doseChanges.length === 0 ? (
        <EmptyState>No change since the start dose of {formatDose(trial.startDoseMg)}.</EmptyState>
      ) : (
        <ul className="plain-list">
          {trial.doseChanges.map((change) => (
            <RecordLine
              key={change.id}
              trial={trial}
              kind="DoseChange"
              record={change}
              what={recordName.DoseChange(change)}
              correcting={correcting}
            >
              From {formatDate(change.changedOn)}: {formatDose(change.doseMg)} at bedtime
              {change.note !== null && <span className="muted"> — {change.note}</span>}
            </RecordLine>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Adverse effects and assessments of a trial; those entered in error struck through. */
export function TrialClinicalRecords({ trial, correcting }: { trial: TrialRecord; correcting: boolean }) {
  return (
    <div className="grid-2">
      <Section title="Adverse effects">
        {trial.adverseEffects.length === 0 ? (
          <EmptyState>No adverse effect recorded.</EmptyState>
        ) : (
          <ul className="plain-list">
            {trial.adverseEffects.map((effect) => {
              const label =
                effect.kind === 'OTHER' ? (effect.description ?? 'Other') : ADVERSE_EFFECTS[effect.kind];
              return (
                <RecordLine
                  key={effect.id}
                  trial={trial}
                  kind="AdverseEffect"
                  record={effect}
                  what={recordName.AdverseEffect(effect, label)}
                  correcting={correcting}
                >
                  {formatDate(effect.onsetOn)}: {label} ({humanize(effect.severity).toLowerCase()}) — action:{' '}
                  {ADVERSE_EFFECT_ACTIONS[effect.action].toLowerCase()}
                  {effect.source === 'PATIENT' && (
                    <>
                      {' '}
                      <Badge
                        value="PATIENT"
                        label={
                          effect.reviewedAt === null
                            ? 'Reported by the patient, to review'
                            : 'Reported by the patient'
                        }
                        tone={effect.reviewedAt === null ? 'warning' : 'neutral'}
                      />
                      {effect.reviewedAt === null && !effect.enteredInError && (
                        <MarkReviewed adverseEffectId={effect.id} />
                      )}
                    </>
                  )}
                </RecordLine>
              );
            })}
          </ul>
        )}
      </Section>
      <Section title="Assessments">
        {trial.assessments.length === 0 ? (
          <EmptyState>Not assessed yet.</EmptyState>
        ) : (
          <ul className="plain-list">
            {trial.assessments.map((assessment) => (
              <RecordLine
                key={assessment.id}
                trial={trial}
                kind="Assessment"
                record={assessment}
                what={recordName.Assessment(assessment)}
                correcting={correcting}
              >
                {formatDate(assessment.assessedOn)}: <Badge value={assessment.responseClass} tone="info" /> —
                mean {assessment.meanScore.toFixed(1)} vs baseline {assessment.baselineScore} (
                {formatPercent(assessment.relativeReduction)} lower); decision{' '}
                {humanize(assessment.decision).toLowerCase()}
                {assessment.discontinuationReason !== null &&
                  ` (${DISCONTINUATION_REASONS[assessment.discontinuationReason].toLowerCase()})`}
                <span className="muted"> — {assessment.assessedBy}</span>
                {assessment.note !== null && <p className="muted">{assessment.note}</p>}
              </RecordLine>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

/** The compounding orders of a trial with their states and lines, each linking to its page. */
export function TrialOrders({ trial }: { trial: TrialRecord }) {
  return (
    <Section title="Orders">
      {/* A trial entered in error is no trial: nothing is ordered for it (the API refuses too). */}
      {!trial.enteredInError && (
        <p>
          <Link to={`/trials/${trial.id}/orders/new`}>New order</Link>
        </p>
      )}
      {trial.orders.length === 0 ? (
        <EmptyState>No order yet.</EmptyState>
      ) : (
        <ScrollArea label="Orders table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">Order</th>
                <th scope="col">Pharmacy</th>
                <th scope="col">Submitted</th>
                <th scope="col">Lines</th>
              </tr>
            </thead>
            <tbody>
              {trial.orders.map((order) => (
                <tr key={order.id}>
                  <td>
                    <Link to={`/orders/${order.id}`}>
                      <Badge value={order.state} tone={orderStateTone(order.state)} />
                      <span className="visually-hidden">: open the order</span>
                    </Link>
                    {order.rejectionReason !== null && <p className="muted">{order.rejectionReason}</p>}
                  </td>
                  <td>
                    {humanize(order.kind)}, {FORMULATIONS[order.formulation].label.toLowerCase()},{' '}
                    {order.totalDaysSupply} days
                  </td>
                  <td>{order.pharmacyName}</td>
                  <td>{formatDateTime(order.submittedAt)}</td>
                  <td>
                    <ul className="compact-list">
                      {order.lines.map((line) => (
                        <li key={line.sequence}>
                          {formatDose(line.nightlyDoseMg)} nightly × {line.daysSupply} nights ({line.quantity}{' '}
                          {line.quantityUnit})
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
    </Section>
  );
}

/** A side effect the patient reported, reviewed by the clinic: it leaves the worklist. */
function MarkReviewed({ adverseEffectId }: { adverseEffectId: string }) {
  const [{ fetching }, review] = useReviewPatientAdverseEffect();
  return (
    <button
      type="button"
      className="button-secondary button-small"
      disabled={fetching}
      onClick={() => review({ adverseEffectId })}
    >
      Mark reviewed
    </button>
  );
}
