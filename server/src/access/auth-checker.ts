import type { Role } from '@ldn/db';
import type { AuthChecker } from 'type-graphql';
import type { Context } from '../graphql/context.ts';
import { forbidden, unauthenticated } from '../platform/errors.ts';

/**
 * The one role check: `@Authorized()` needs a signed-in person, `@Authorized('CLINICIAN')` that
 * role. Which records a person may reach is the scoped accessors' job (clinic-repository.ts).
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (context.viewer === null) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.viewer.role)) throw forbidden();
  return true;
};
