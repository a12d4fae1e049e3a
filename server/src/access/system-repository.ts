import type { PrismaClient } from '@ldn/db';
import { SignInThrottle, type ThrottlePolicy } from '../auth/throttle.ts';
import type { Clock } from '../platform/clock.ts';
import { Repository } from './repository.ts';

/**
 * The system's door, named as such: what no organisation's repository may do because nobody is
 * known yet or the work belongs to no organisation — signing in, a session's own rows, an
 * invitation's token, the throttles' counts, a patient's link found by its token, start-up jobs and
 * the retention job. Its client is not held to an organisation by this layer (the database still
 * holds a signed-in request to its organisation: data-access.ts). In a resolver file every use
 * carries a `// system:` comment saying why (one-door.test.ts fails without it).
 */
export class SystemRepository extends Repository {
  /** A throttle's counts (sign-in, a FHIR token's guesses, a patient link's date of birth and reports). */
  throttle(clock: Clock, policy: ThrottlePolicy, namespace?: string): SignInThrottle {
    return new SignInThrottle(this.prisma, clock, policy, namespace);
  }

  /** The unscoped client, for the system's own work (a session, a throttle, a token's row). */
  get unscoped(): PrismaClient {
    return this.prisma;
  }
}
