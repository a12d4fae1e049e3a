import { addressKey, type PatientLinkRepository } from '../access/patient-link-repository.ts';
import type { SystemRepository } from '../access/system-repository.ts';
import type { ThrottlePolicy } from '../auth/throttle.ts';
import type { Context } from '../graphql/context.ts';
import { AppError } from '../platform/errors.ts';

/**
 * Reports a link may send in a window: a patient sends one an evening, a late one or two and an
 * edit, so ten in 15 minutes is far above any honest use, and a leaked link cannot flood the record.
 */
export const REPORTS_PER_LINK = 10;
/**
 * Reports one address may send in a window, over all links: patients behind one mobile network's
 * shared address still fit, one machine sending through many links does not.
 */
export const REPORTS_PER_ADDRESS = 60;
const WINDOW_MINUTES = 15;

// The sign-in throttle's counter (one statement per attempt, parallel sends each get their own
// number), without its growing delays: an honest patient's second report is not slowed.
const policy = (maxFailures: number): ThrottlePolicy => ({
  maxFailures,
  windowMinutes: WINDOW_MINUTES,
  lockMinutes: WINDOW_MINUTES,
  delayStepMs: 0,
});

const refused = (limit: 'LINK' | 'ADDRESS') =>
  new AppError('TOO_MANY_REQUESTS', 'Too many reports were sent just now. Wait 15 minutes and try again.', {
    reason: 'PATIENT_REPORT_RATE_LIMIT',
    limit,
  });

/**
 * Counts a report against its link and against the sender's address, before anything is checked
 * or written (so refused and malformed sends count too); TOO_MANY_REQUESTS, naming the limit
 * reached, once either is over for the window. Only a device that passed the date-of-birth check
 * gets here; the counts are the throttle's rows (`report:`), which the retention job clears.
 */
export async function admitReport(
  ctx: Context,
  system: SystemRepository,
  scope: PatientLinkRepository,
): Promise<void> {
  const counter = (max: number) => system.throttle(ctx.clock, policy(max), 'report:');
  if (!(await counter(REPORTS_PER_LINK).admit({ account: `link:${scope.link.id}` }))) throw refused('LINK');
  const address = addressKey(ctx.req.ip ?? 'unknown');
  if (!(await counter(REPORTS_PER_ADDRESS).admit({ account: `ip:${address}` }))) throw refused('ADDRESS');
}
