import type { PrismaClient } from '@ldn/db';
import { AdminRepository } from '../admin/admin-repository.ts';
import { AnalyticsRepository } from '../analytics/analytics-repository.ts';
import type { Viewer } from '../auth/viewer.ts';
import { ClinicRepository } from './clinic-repository.ts';
import { Loaders } from './loaders.ts';
import { PharmacyRepository } from './pharmacy-repository.ts';
import type { OpenRepository } from './repository.ts';
import { SystemRepository } from './system-repository.ts';

/**
 * The doors to the data of one request (a GraphQL request, a live socket): the only holder of the
 * database client a resolver's code can reach. Each repository is built on first use, refusing a
 * viewer of the wrong kind before anything is read, and shares the request's loaders.
 */
export class Repositories {
  readonly #prisma: PrismaClient;
  readonly #viewer: Viewer | null;
  readonly #requestId: string;
  readonly #loaders: Loaders;
  #clinic?: ClinicRepository;
  #pharmacy?: PharmacyRepository;
  #admin?: AdminRepository;
  #analytics?: AnalyticsRepository;
  #system?: SystemRepository;

  constructor(prisma: PrismaClient, viewer: Viewer | null, requestId: string) {
    this.#prisma = prisma;
    this.#viewer = viewer;
    this.#requestId = requestId;
    this.#loaders = new Loaders(prisma);
  }

  /** A viewer's repository of this request, through its gate (repository.ts `viewerGated`). */
  #opened<R>(open: OpenRepository<R>): R {
    return open(this.#viewer, this.#prisma, this.#loaders, this.#requestId);
  }

  clinic(): ClinicRepository {
    this.#clinic ??= this.#opened(ClinicRepository.for);
    return this.#clinic;
  }

  pharmacy(): PharmacyRepository {
    this.#pharmacy ??= this.#opened(PharmacyRepository.for);
    return this.#pharmacy;
  }

  admin(): AdminRepository {
    this.#admin ??= this.#opened(AdminRepository.for);
    return this.#admin;
  }

  analytics(): AnalyticsRepository {
    this.#analytics ??= this.#opened(AnalyticsRepository.for);
    return this.#analytics;
  }

  /** The system's door (system-repository.ts): each use says why. */
  system(): SystemRepository {
    this.#system ??= new SystemRepository(this.#prisma, this.#loaders, {
      viewer: this.#viewer,
      requestId: this.#requestId,
    });
    return this.#system;
  }
}
