import type { DiscontinuationReason, ResponseClass } from '@ldn/db';
import { DISCONTINUATION_REASONS, REFERENCE_FIGURES, RESPONSE_CLASSES } from '@ldn/rules';
import type { OutcomeRow } from './continuation-queries.ts';
import type { ContinuationReportType } from './continuation-report.types.ts';
import { type CellSize, countAs, isSmallCell, isSmallGroup, suppressedCells } from './suppression.ts';

export type OutcomeFigures = Pick<
  ContinuationReportType,
  'discontinuationReasons' | 'responseClasses' | 'assessedCount' | 'meanPainChange' | 'adverseEffectRate'
>;

/**
 * §8 outcomes of a shown cohort from the database's counts, in the rules package's vocabularies:
 * every reason and class listed (0 when none), counts of 1–4 patients suppressed, and with them
 * whatever would let them be worked out (complementary suppression: the reasons add up to the
 * discontinued trials, `discontinuedHidden` when that total is suppressed; the classes to the
 * assessed trials); the mean pain change only over 5 assessed patients or more.
 */
export function outcomeFigures(rows: readonly OutcomeRow[], discontinuedHidden: boolean): OutcomeFigures {
  const cell = (dimension: OutcomeRow['dimension'], key: string): CellSize => {
    const row = rows.find((candidate) => candidate.dimension === dimension && candidate.key === key);
    return { trials: row?.trials ?? 0, patients: row?.patients ?? 0 };
  };
  const all = rows.find((row) => row.dimension === 'ALL');
  const assessedPatients = all?.assessedPatients ?? 0;
  const assessedHidden = isSmallCell(assessedPatients);
  const reasons = (Object.keys(DISCONTINUATION_REASONS) as DiscontinuationReason[]).map((reason) => ({
    reason,
    cell: cell('REASON', reason),
  }));
  const reasonsHidden = suppressedCells(
    reasons.map((entry) => entry.cell),
    discontinuedHidden,
  );
  const classes = RESPONSE_CLASSES.map((responseClass: ResponseClass) => ({
    responseClass,
    cell: cell('RESPONSE_CLASS', responseClass),
  }));
  const classesHidden = suppressedCells(
    classes.map((entry) => entry.cell),
    assessedHidden,
  );
  // The share is the trials with an adverse effect over all: it tells both those and the others.
  const adverse = cell('ADVERSE_EFFECT', 'true');
  const unaffected = cell('ADVERSE_EFFECT', 'false');
  return {
    discontinuationReasons: reasons.map(({ reason, cell: { trials } }, index) => ({
      reason,
      label: DISCONTINUATION_REASONS[reason],
      ...countAs(trials, reasonsHidden[index] ?? true),
    })),
    responseClasses: classes.map(({ responseClass, cell: { trials } }, index) => ({
      responseClass,
      ...countAs(trials, classesHidden[index] ?? true),
    })),
    assessedCount: countAs(all?.assessedTrials ?? 0, assessedHidden).count,
    meanPainChange: isSmallGroup(assessedPatients) ? null : (all?.meanPainChange ?? null),
    adverseEffectRate:
      all === undefined ||
      all.trials === 0 ||
      isSmallCell(adverse.patients) ||
      isSmallCell(unaffected.patients)
        ? null
        : adverse.trials / all.trials,
  };
}

const figure = ({ value, evidence }: { value: number; evidence: readonly string[] }) => ({
  value,
  evidence: [...evidence],
});

/** §8: the VA review's figures [6] and the adverse-effect share [seed], from the rules package. */
export const REFERENCE = {
  meanDurationDays: figure(REFERENCE_FIGURES.meanDurationDays),
  continuingAtFollowUp: figure(REFERENCE_FIGURES.continuingAtFollowUp),
  meanPainChange: figure(REFERENCE_FIGURES.meanPainChange),
  adverseEffectRate: figure(REFERENCE_FIGURES.adverseEffectRate),
};
