import { graphql, type ResultOf } from '../../../graphql/index.ts';
import { useLiveQuery } from '../../../lib/use-live-refetch.ts';

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
      enteredInError
      enteredInErrorAt
      enteredInErrorByName
      enteredInErrorReason
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
        enteredInError
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
        enteredInError
        enteredInErrorAt
        enteredInErrorByName
        enteredInErrorReason
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
        source
        reviewedAt
        enteredInError
        enteredInErrorAt
        enteredInErrorByName
        enteredInErrorReason
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
        enteredInError
        enteredInErrorAt
        enteredInErrorByName
        enteredInErrorReason
      }
      orders {
        id
        state
        stateBeforeHold
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
        source
      }
      patientLink {
        id
        state
        createdAt
        createdByName
        expiresAt
        revokedAt
        lockedAt
      }
      adherence {
        nightsTaken
        nightsNotTaken
        nightsSupplied
        lastReportedOn
        gaps {
          from
          to
          evenings
        }
        reports {
          id
          evening
          late
          doseTaken
          doseMg
        }
      }
    }
  }
`);

export type TrialRecord = ResultOf<typeof TrialQuery>['trial'];

/** The trial, refetched when one of its records changes, or its patient's (the scores it charts). */
export const useTrial = (id: string) =>
  useLiveQuery(
    { query: TrialQuery, variables: { id } },
    (change, data) =>
      change.trialId === id || (change.patientId !== null && change.patientId === data?.trial?.patient.id),
  );
