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

/** Lot number and beyond-use date; the USP <795> default comes from the rules package. */
export function MarkReadyForm({ order, onOutcome }: { order: PharmacyOrder; onOutcome: ActionOutcome }) {
  const [result, markReady] = useMarkReady();
  const id = useId();
  const kind = beyondUseDateKindOf(order.formulation, order.vehicle ?? undefined);
  const [compoundedOn] = useState(localToday);
  const [lotNumber, setLotNumber] = useState('');
  const [beyondUseDate, setBeyondUseDate] = useState(() =>
    addDays(compoundedOn, USP_795_DEFAULT_BUD_DAYS[kind]),
  );
  const [budReason, setBudReason] = useState('');

  let exceedsDefault = false;
  let budProblem: string | null = null;
  let defaultText = '';
  if (isIsoDate(beyondUseDate)) {
    try {
      const check = checkBeyondUseDate({ compoundedOn, beyondUseDate, kind, reason: budReason });
      exceedsDefault = check.exceedsDefault;
      defaultText = `USP <795> default: ${check.defaultDays} days, ${formatDate(check.defaultBeyondUseDate)}.`;
      budProblem = check.findings[0]?.message ?? null;
    } catch (error) {
      if (!isRuleInputError(error)) throw error;
      budProblem = error.message;
    }
  } else {
    budProblem = 'Enter the beyond-use date.';
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answer = await markReady({
      input: {
        orderId: order.id,
        version: order.version,
        lotNumber: lotNumber.trim(),
        compoundedOn,
        beyondUseDate,
        ...(exceedsDefault && { budReason: budReason.trim() }),
      },
    });
    onOutcome(answer.error ?? null);
  };

  return (
    <form className="action" onSubmit={(event) => void onSubmit(event)} aria-label="Mark ready">
      <div className="field">
        <label htmlFor={`${id}-lot`}>Lot number</label>
        <input
          id={`${id}-lot`}
          required
          value={lotNumber}
          onChange={(event) => setLotNumber(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-bud`}>Beyond-use date</label>
        <input
          id={`${id}-bud`}
          type="date"
          required
          value={beyondUseDate}
          min={compoundedOn}
          onChange={(event) => setBeyondUseDate(event.target.value)}
          aria-describedby={`${id}-bud-hint`}
        />
        <p id={`${id}-bud-hint`} className="hint">
          Compounded {formatDate(compoundedOn)}. {defaultText}
        </p>
      </div>
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
      {budProblem !== null && (
        <p className="field-error" role="alert">
          {budProblem}
        </p>
      )}
      <button type="submit" disabled={result.fetching || lotNumber.trim() === '' || budProblem !== null}>
        Mark ready
      </button>
    </form>
  );
}
