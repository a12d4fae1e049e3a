import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Where a browser run's servers listen and keep their files (start-servers.ts starts them,
// playwright.config.ts points the projects at them). E2E_PORT lets two runs (say, two people's
// branches on one machine) go side by side. A run uses the port and the two above it: the demo
// servers on PORT and PORT + 2, the fresh install on PORT + 1.

export const PORT = Number(process.env.E2E_PORT ?? 4310);
/** One demo server per worker, each on a database of its own with fresh demo data. */
export const DEMO_PORTS = [PORT, PORT + 2];
export const FRESH_PORT = PORT + 1;

/** The portal, built once per run and served by every server. */
export const webDist = join(tmpdir(), `ldn-e2e-web-${PORT}`);
/** A demo server's embedded database, when there is no PostgreSQL server to use. */
export const pgliteDir = (port: number) => join(tmpdir(), `ldn-e2e-pglite-${port}`);
/** The fresh install's embedded database, when there is no PostgreSQL server to use. */
export const freshPgliteDir = join(tmpdir(), `ldn-e2e-fresh-pglite-${FRESH_PORT}`);
/** What `pnpm admin:create` printed for the fresh install: fresh-install.spec.ts reads its link. */
export const freshAdminOutput = join(tmpdir(), `ldn-e2e-fresh-admin-${FRESH_PORT}.txt`);
