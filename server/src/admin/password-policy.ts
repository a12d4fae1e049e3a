import { badInput } from '../platform/errors.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

/** NIST SP 800-63B asks for at least 8; we ask for 12 and check a list of known passwords instead of rules. */
export const MIN_PASSWORD_LENGTH = 12;
/** The sign-in input's limit: a longer password could be set but never typed in. */
export const MAX_PASSWORD_LENGTH = 200;

const COMMON = new Set(COMMON_PASSWORDS.map((password) => password.toLowerCase()));

/** Why a password is refused, or null when it is acceptable. The one policy every path uses. */
export function passwordProblem(password: string): string | null {
  // Code points, not UTF-16 units, so an emoji counts as one character.
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (COMMON.has(password.trim().toLowerCase()) || new Set(password).size === 1) {
    return 'This password is one of the most common ones; choose another.';
  }
  return null;
}

/** Refuses a password the policy does not accept, as BAD_USER_INPUT on `field`. */
export function assertPasswordPolicy(password: string, field: string): void {
  const problem = passwordProblem(password);
  if (problem !== null) throw badInput(field, problem);
}
