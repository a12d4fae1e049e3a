import { useMutation } from 'urql';
import { graphql } from '../../../graphql/index.ts';

/** Issues the trial's patient link: the path with its token comes back this once (clinic roles). */
export const IssuePatientLinkMutation = graphql(`
  mutation IssuePatientLink($trialId: ID!) {
    issuePatientLink(trialId: $trialId) {
      path
      link {
        id
        state
        createdAt
        createdByName
        expiresAt
        revokedAt
        lockedAt
      }
    }
  }
`);

/** Revokes the trial's live link: the patient's page then says so. */
export const RevokePatientLinkMutation = graphql(`
  mutation RevokePatientLink($trialId: ID!) {
    revokePatientLink(trialId: $trialId) {
      id
      state
      revokedAt
    }
  }
`);

/** Marks a side effect the patient reported as reviewed (it leaves the worklist). */
export const ReviewPatientAdverseEffectMutation = graphql(`
  mutation ReviewPatientAdverseEffect($adverseEffectId: ID!) {
    reviewPatientAdverseEffect(adverseEffectId: $adverseEffectId) {
      id
      reviewedAt
    }
  }
`);

export const useIssuePatientLink = () => useMutation(IssuePatientLinkMutation);
export const useRevokePatientLink = () => useMutation(RevokePatientLinkMutation);
export const useReviewPatientAdverseEffect = () => useMutation(ReviewPatientAdverseEffectMutation);
