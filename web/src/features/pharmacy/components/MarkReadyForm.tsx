import {
  addDays,
  beyondUseDateKindOf,
  checkBeyondUseDate,
  isIsoDate,
  isRuleInputError,
  USP_795_DEFAULT_BUD_DAYS,
} from '@ldn/rules';
import { type FormEvent, useId, useState } from 'react';
import { localToday } from '../../../lib/dates.ts';
import { formatDate } from '../../../lib/format.ts';
import { useMarkReady } from '../api/mark-ready.ts';
import type { PharmacyOrder } from '../api/order.ts';
import type { ActionOutcome } from './OrderActions.tsx';

/** One line's lot and beyond-use date as typed. */
interface LineLot {
  sequence: number;
  lotNumber: string;
  beyondUseDate: string;
}

/** What the rules package says of one line's beyond-use date. */
function budCheckOf(
  compoundedOn: string,
  beyondUseDate: string,
  kind: ReturnType<typeof beyondUseDateKindOf>,
  reason: string,
) {
  if (!isIsoDate(beyondUseDate))
    return { exceedsDefault: false, problem: 'Enter the beyond-use date.', defaultText: '' };
  try {
    const check = checkBeyondUseDate({ compoundedOn, beyondUseDate, kind, reason });
    return {
      exceedsDefault: check.exceedsDefault,
      problem: check.findings[0]?.message ?? null,
      defaultText: `USP <795> default: ${check.defaultDays} days, ${formatDate(check.defaultBeyondUseDate)}.`,
    };
  } catch (error) {
    if (!isRuleInputError(error)) throw error;
    return { exceedsDefault: false, problem: error.message, defaultText: '' };
  }
}

/**
 * A lot number and beyond-use date for each line: each strength of a titration pack is its own
 * preparation. The USP <795> default comes from the rules package.
 */
export function MarkReadyForm({ order, onOutcome }: { order: PharmacyOrder; onOutcome: ActionOutcome }) {
  const [result, markReady] = useMarkReady();
  const id = useId();
  const kind = beyondUseDateKindOf(order.formulation, order.vehicle ?? undefined);
  const [compoundedOn] = useState(localToday);
  const [lots, setLots] = useState<LineLot[]>(() =>
    order.lines.map((line) => ({
      sequence: line.sequence,
      lotNumber: '',
      beyondUseDate: addDays(compoundedOn, USP_795_DEFAULT_BUD_DAYS[kind]),
    })),
  );
  const [budReason, setBudReason] = useState('');
  const checks = lots.map((lot) => budCheckOf(compoundedOn, lot.beyondUseDate, kind, budReason));
  const exceedsDefault = checks.some((check) => check.exceedsDefault);
  const problem = checks.find((check) => check.problem !== null)?.problem ?? null;
  const change = (sequence: number, patch: Partial<LineLot>) =>
    setLots((previous) => previous.map((lot) => (lot.sequence === sequence ? { ...lot, ...patch } : lot)));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await markReady({
      input: {
        orderId: order.id,
        version: order.version,
        compoundedOn,
        lines: lots.map((lot) => ({ ...lot, lotNumber: lot.lotNumber.trim() })),
        ...(exceedsDefault && { budReason: budReason.trim() }),
      },
    });
    onOutcome(answer.error ?? null);
  };

  return (
    <form className="action" onSubmit={(event) => void onSubmit(event)} aria-label="Mark ready">
      <p className="hint">
        Compounded {formatDate(compoundedOn)}. {checks[0]?.defaultText}
      </p>
      {order.lines.map((line, index) => {
        const lot = lots[index];
        if (lot === undefined) return null;
        const what = `line ${line.sequence}, ${line.strength} ${line.strengthUnit}`;
        return (
          <fieldset key={line.sequence} className="line-lot">
            <legend>
              Line {line.sequence}: {line.strength} {line.strengthUnit}
            </legend>
            <div className="field">
              <label htmlFor={`${id}-lot-${line.sequence}`}>Lot number ({what})</label>
              <input
                id={`${id}-lot-${line.sequence}`}
                required
                value={lot.lotNumber}
                onChange={(event) => change(line.sequence, { lotNumber: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-bud-${line.sequence}`}>Beyond-use date ({what})</label>
              <input
                id={`${id}-bud-${line.sequence}`}
                type="date"
                required
                value={lot.beyondUseDate}
                min={compoundedOn}
                onChange={(event) => change(line.sequence, { beyondUseDate: event.target.value })}
              />
            </div>
          </fieldset>
        );
      })}
      {exceedsDefault && (
        <div className="field">
          <label htmlFor={`${id}-bud-reason`}>Why the later beyond-use date holds</label>
          <textarea
            id={`${id}-bud-reason`}
            rows={2}
            value={budReason}
            onChange={(event) => setBudReason(event.target.value)}
          />
        </div>
      )}
      {problem !== null && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button
        type="submit"
        disabled={result.fetching || lots.some((lot) => lot.lotNumber.trim() === '') || problem !== null}
      >
        Mark ready
      </button>
    </form>
  );
}
