import { useQuery } from 'urql';
import { graphql, type ResultOf } from '../../../graphql/index.ts';

/** One trial with everything its page shows; derived fields as of today (the read is audited). */
export const TrialQuery = graphql(`
  query Trial($id: ID!) {
    trial(id: $id) {
      id
      asOf
      condition
      state
      startDate
      startDoseMg
      endedOn
      prescriber
      maintenanceDoseMg
      maintenanceDeclaredOn
      discontinuationReason
      discontinuationNote
      version
      patient {
        id
        givenName
        familyName
        mrn
        dateOfBirth
      }
      baseline {
        date
        score
      }
      policy {
        name
        overrideReasonMinimumWords
        responseThresholdsPercent {
          substantial
          meaningful
          minimal
        }
      }
      status {
        state
        currentDoseMg
        targetDoseMg
        targetReachedOn
        daysOnTherapy
        discontinuedOn
        nextStep {
          date
          doseMg
          overdue
        }
        assessmentWindow {
          opensOn
          dueBy
          open
          overdue
        }
        onHold {
          since
          resumesTo
        }
        timeline {
          from
          doseMg
          status
        }
        actions {
          code
          date
          message
        }
      }
      doseChanges {
        id
        changedOn
        doseMg
        note
      }
      holds {
        id
        heldOn
        resumedOn
        reason
        note
      }
      overrides {
        id
        action
        code
        reason
        givenBy
        givenAt
      }
      warnings {
        code
        message
        severity
        createdAt
      }
      adverseEffects {
        id
        kind
        description
        onsetOn
        severity
        action
      }
      assessments {
        id
        assessedOn
        assessedBy
        baselineScore
        meanScore
        relativeReduction
        responseClass
        decision
        discontinuationReason
        note
      }
      orders {
        id
        state
        kind
        formulation
        pharmacyName
        submittedAt
        dispensedOn
        rejectionReason
        totalDaysSupply
        lines {
          sequence
          nightlyDoseMg
          strength
          strengthUnit
          quantity
          quantityUnit
          daysSupply
          startsOn
        }
      }
      painScores {
        id
        scoredOn
        score
      }
    }
  }
`);

export type TrialRecord = ResultOf<typeof TrialQuery>['trial'];

export const useTrial = (id: string) => useQuery({ query: TrialQuery, variables: { id } });
