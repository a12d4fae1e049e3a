import { useClient, useQuery } from 'urql';
import { graphql, type ResultOf, type VariablesOf } from '../../../graphql/index.ts';

const ContinuationPointFields = graphql(`
  fragment ContinuationPointFields on ContinuationPoint @_unmask {
    day
    rate
    lower
    upper
    atRisk
  }
`);

const ContinuationRateFields = graphql(`
  fragment ContinuationRateFields on ContinuationRate @_unmask {
    day
    estimable
    rate
    lower
    upper
    atRisk
  }
`);

const ContinuationGroupFields = graphql(
  `
  fragment ContinuationGroupFields on ContinuationGroup @_unmask {
    key
    label
    suppressed
    survivalSuppressed
    patientCount
    trialCount
    medianDays
    rateAt90 { ...ContinuationRateFields }
    rateAt123 { ...ContinuationRateFields }
    rateAt180 { ...ContinuationRateFields }
  }
`,
  [ContinuationRateFields],
);

/** The network's continuation report (clinical-rules §8), de-identified, for the filter. */
export const ContinuationReportQuery = graphql(
  `
  query ContinuationReport($filter: ContinuationFilter) {
    continuationReport(filter: $filter) {
      asOf
      computedAt
      suppressed
      survivalSuppressed
      minimumGroupSize
      minimumAtRisk
      confidenceIntervalMethod
      patientCount
      trialCount
      assessedCount
      censoredCount
      discontinuedCount
      medianDays
      meanPainChange
      adverseEffectRate
      rateAt90 { ...ContinuationRateFields }
      rateAt123 { ...ContinuationRateFields }
      rateAt180 { ...ContinuationRateFields }
      curve { ...ContinuationPointFields }
      censorings { day rate censored }
      followUpDays
      numbersAtRisk { day atRisk }
      byCondition { ...ContinuationGroupFields }
      byClinic { ...ContinuationGroupFields }
      byPrescriber { ...ContinuationGroupFields }
      discontinuationReasons {
        reason
        label
        count
        suppressed
      }
      responseClasses {
        responseClass
        count
        suppressed
      }
      reference {
        continuingAtFollowUp { value evidence }
        meanDurationDays { value evidence }
        meanPainChange { value evidence }
        adverseEffectRate { value evidence }
      }
    }
  }
`,
  [ContinuationPointFields, ContinuationRateFields, ContinuationGroupFields],
);

/** The same report as a CSV file (content, content type and a filename to save it under). */
export const ContinuationReportCsvQuery = graphql(`
  query ContinuationReportCsv($filter: ContinuationFilter) {
    continuationReportCsv(filter: $filter) {
      content
      contentType
      filename
    }
  }
`);

export type ContinuationFilter = NonNullable<VariablesOf<typeof ContinuationReportQuery>['filter']>;
export type ContinuationReport = ResultOf<typeof ContinuationReportQuery>['continuationReport'];
export type ContinuationGroup = ContinuationReport['byClinic'][number];
export type ContinuationPoint = ContinuationReport['curve'][number];
/** A reported rate (90, 123, 180 days): null rate and interval when not estimable. */
export type ContinuationRate = NonNullable<ContinuationReport['rateAt90']>;

export const useContinuationReport = (filter: ContinuationFilter) =>
  useQuery({ query: ContinuationReportQuery, variables: { filter } });

/**
 * Asks for the CSV of the filter and hands it to the browser as a download (a Blob behind an
 * object URL, revoked once the click has been dispatched). Throws the CombinedError on failure.
 */
export function useDownloadContinuationCsv(): (filter: ContinuationFilter) => Promise<void> {
  const client = useClient();
  return async (filter) => {
    const result = await client
      .query(ContinuationReportCsvQuery, { filter }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error !== undefined) throw result.error;
    const csv = result.data?.continuationReportCsv;
    if (csv === undefined) throw new Error('The CSV was not returned.');
    saveFile(csv.content, csv.contentType, csv.filename);
  };
}

function saveFile(content: string, contentType: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the download has started from the click by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
