import {
  AdverseEffectAction,
  AdverseEffectKind,
  AdverseEffectSeverity,
  AssessmentDecision,
  DiscontinuationReason,
  HoldReason,
  ResponseClass,
  TrialState,
} from '@ldn/db';
import { NEXT_ACTION_CODES, type NextActionCode } from '@ldn/rules';
import { registerEnumType } from 'type-graphql';

// The one registration of each enum only the trial API exposes. Condition is registered by the
// patients domain (patients/patient.enums.ts) and FindingSeverity by platform/finding.type.ts.

registerEnumType(TrialState, {
  name: 'TrialState',
  description: 'The lifecycle of workflows.md; calendar-dependent states are derived when read.',
});
registerEnumType(DiscontinuationReason, {
  name: 'DiscontinuationReason',
  description: 'Why a trial ended (clinical-rules §8).',
});
registerEnumType(HoldReason, { name: 'HoldReason', description: 'Why a trial was put on hold.' });
registerEnumType(AdverseEffectKind, {
  name: 'AdverseEffectKind',
  description: 'The common adverse effects the form offers, plus OTHER with a description (§6).',
});
registerEnumType(AdverseEffectSeverity, { name: 'AdverseEffectSeverity' });
registerEnumType(AdverseEffectAction, {
  name: 'AdverseEffectAction',
  description: 'What was done about an adverse effect (§6).',
});
registerEnumType(ResponseClass, {
  name: 'ResponseClass',
  description: 'Pain reduction from baseline under the clinic policy thresholds (IMMPACT, §5).',
});
registerEnumType(AssessmentDecision, {
  name: 'AssessmentDecision',
  description: 'CONTINUE (maintenance), EXTEND (assess again by the 8-week mark) or DISCONTINUE (§5).',
});

/** The rules package's next-action codes as a GraphQL enum (worklist and trial status). */
export const TrialActionCode = Object.fromEntries(NEXT_ACTION_CODES.map((code) => [code, code])) as {
  [Code in NextActionCode]: Code;
};
export type TrialActionCode = NextActionCode;
registerEnumType(TrialActionCode, {
  name: 'TrialActionCode',
  description: "What needs doing for a trial, from the rules package's deriveTrialStatus.",
});

export {
  AdverseEffectAction,
  AdverseEffectKind,
  AdverseEffectSeverity,
  AssessmentDecision,
  DiscontinuationReason,
  HoldReason,
  ResponseClass,
  TrialState,
};
