/** Codes of the input errors the rules throw (clinical-rules.md §10); a finding is never thrown. */
export const RULE_INPUT_ERROR_CODES = [
  'CONDITION_NOT_INDICATED',
  'INVALID_DOSE_HISTORY',
  'INVALID_DOSE',
  'INVALID_SCORE',
  'INVALID_TRIAL_DATES',
  'INVALID_DATE',
  'NO_RECENT_SCORES',
  'BASELINE_NO_PAIN',
  'INVALID_POLICY',
  'INVALID_ORDER',
  'INVALID_ASSESSMENT',
] as const;

export type RuleInputErrorCode = (typeof RULE_INPUT_ERROR_CODES)[number];

/** The input of a rule was malformed; `code` is stable, the message is for people. */
export class RuleInputError extends Error {
  readonly code: RuleInputErrorCode;

  constructor(code: RuleInputErrorCode, message: string) {
    super(message);
    this.name = 'RuleInputError';
    this.code = code;
  }
}

/** True when `error` is a RuleInputError (optionally of the given code), across bundles. */
export function isRuleInputError(error: unknown, code?: RuleInputErrorCode): error is RuleInputError {
  if (!(error instanceof Error) || error.name !== 'RuleInputError') return false;
  return code === undefined || (error as RuleInputError).code === code;
}
