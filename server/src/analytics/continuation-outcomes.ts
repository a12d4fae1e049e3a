import type { DiscontinuationReason, ResponseClass } from '@ldn/db';
import { DISCONTINUATION_REASONS, REFERENCE_FIGURES, RESPONSE_CLASSES } from '@ldn/rules';
import type { OutcomeRow } from './continuation-queries.ts';
import type { ContinuationReportType } from './continuation-report.types.ts';
import { isSmallCell, isSmallGroup, shownCount } from './suppression.ts';

export type OutcomeFigures = Pick<
  ContinuationReportType,
  'discontinuationReasons' | 'responseClasses' | 'assessedCount' | 'meanPainChange' | 'adverseEffectRate'
>;

/**
 * §8 outcomes of a shown cohort from the database's counts, in the rules package's vocabularies:
 * every reason and class listed (0 when none), a count of 1–4 patients suppressed, the mean pain
 * change only over 5 assessed patients or more.
 */
export function outcomeFigures(rows: readonly OutcomeRow[]): OutcomeFigures {
  const cell = (dimension: OutcomeRow['dimension'], key: string) =>
    rows.find((row) => row.dimension === dimension && row.key === key);
  const all = rows.find((row) => row.dimension === 'ALL');
  const adverse = cell('ADVERSE_EFFECT', 'true');
  const assessedPatients = all?.assessedPatients ?? 0;
  return {
    discontinuationReasons: (Object.keys(DISCONTINUATION_REASONS) as DiscontinuationReason[]).map(
      (reason) => {
        const row = cell('REASON', reason);
        return {
          reason,
          label: DISCONTINUATION_REASONS[reason],
          ...shownCount(row?.trials ?? 0, row?.patients ?? 0),
        };
      },
    ),
    responseClasses: RESPONSE_CLASSES.map((responseClass: ResponseClass) => {
      const row = cell('RESPONSE_CLASS', responseClass);
      return { responseClass, ...shownCount(row?.trials ?? 0, row?.patients ?? 0) };
    }),
    assessedCount: shownCount(all?.assessedTrials ?? 0, assessedPatients).count,
    meanPainChange: isSmallGroup(assessedPatients) ? null : (all?.meanPainChange ?? null),
    adverseEffectRate:
      all === undefined || all.trials === 0 || isSmallCell(adverse?.patients ?? 0)
        ? null
        : (adverse?.trials ?? 0) / all.trials,
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
