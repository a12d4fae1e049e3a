import { createParameterDecorator } from 'type-graphql';
import type { Repositories } from './repositories.ts';

// How a resolver receives its repository: a parameter, resolved after the role check, so a
// resolver's code never holds the request's context's door itself (one-door.test.ts).
interface WithRepositories {
  repositories: Repositories;
}

/** The viewer's clinic (clinic-repository.ts); FORBIDDEN to anyone else. */
export const ClinicRepo = () =>
  createParameterDecorator<WithRepositories>(({ context }) => context.repositories.clinic());

/** The viewer's pharmacy (pharmacy-repository.ts); FORBIDDEN to anyone else. */
export const PharmacyRepo = () =>
  createParameterDecorator<WithRepositories>(({ context }) => context.repositories.pharmacy());

/** The network's administration (admin-repository.ts); FORBIDDEN to anyone else. */
export const AdminRepo = () =>
  createParameterDecorator<WithRepositories>(({ context }) => context.repositories.admin());

/** The network's reports (analytics-repository.ts); FORBIDDEN to anyone else. */
export const AnalyticsRepo = () =>
  createParameterDecorator<WithRepositories>(({ context }) => context.repositories.analytics());

/** The system's door (system-repository.ts): every parameter that takes it says why in a `// system:` comment. */
export const SystemRepo = () =>
  createParameterDecorator<WithRepositories>(({ context }) => context.repositories.system());
