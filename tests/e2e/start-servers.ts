// Starts a browser run's servers at once and prints "e2e servers ready" when every one answers
// /readyz (playwright.config.ts waits for that line). Playwright starts the servers of its
// `webServer` list one after the other, each once the previous is ready; started together, the
// portal's build, the demo seeds and the fresh install's first-admin command overlap on the two
// cores instead of leaving one idle. Ends its servers on SIGTERM or SIGINT (Playwright sends
// SIGTERM to the whole process group at the end of the run).
//
//   node e2e/start-servers.ts                    the demo servers and the fresh installation
//   node e2e/start-servers.ts --first-demo-only  the first demo server (the README's screenshots)
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { clockFileOf } from './server-clock.ts';
import { DEMO_PORTS, FRESH_PORT, freshAdminOutput, freshPgliteDir, pgliteDir, webDist } from './servers.ts';

const serverDir = resolve(import.meta.dirname, '..', '..', 'server');
const TSX = 'node_modules/.bin/tsx --conditions=development';
const READY_WITHIN_MS = 170_000;

interface Server {
  name: string;
  /** A shell command run in server/; its last step `exec`s the server, so SIGTERM reaches it. */
  command: string;
  env: Record<string, string>;
  /** Where it answers once ready; none for a command that only has to succeed. */
  port?: number;
}

/**
 * `DATABASE_URL` for a new database of this name on the tests' PostgreSQL server (TEST_DATABASE_URL
 * or the local one), as an installer starts the product; with no server, empty: the PGlite folder.
 */
const newDatabase = (name: string) => [
  `DATABASE_URL="$(${TSX} src/test/fresh-database.ts ${name})"`,
  'export DATABASE_URL',
];

/** The portal, built once: every server serves it from webDist (it checks on each request). */
const portalBuild: Server = {
  name: 'portal build',
  command: `exec pnpm --silent --filter @ldn/web build --logLevel error --outDir ${webDist} --emptyOutDir`,
  env: {},
};

/**
 * A demo server: the real server with the demo data, on a new database on the tests' PostgreSQL
 * server, or on the embedded database when there is none. Journeys change demo records (start,
 * hold and void trials, sign orders) that a journey running beside them on the same data would see
 * change mid-way: each worker has a server of its own (playwright.config.ts).
 */
function demoServer(port: number): Server {
  return {
    name: `demo server on ${port}`,
    command: [...newDatabase(`ldn_e2e_demo_${port}`), `exec ${TSX} src/main.ts`].join(' && '),
    port,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      PGLITE_DIR: pgliteDir(port),
      SEED_DEMO: 'true',
      WEB_DIST: webDist,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      // The real time until a journey moves it (e2e/server-clock.ts): the patient's evenings.
      CLOCK_FILE: clockFileOf(port),
    },
  };
}

/**
 * The fresh installation (issue #9's done-when): its own server on a NEW empty database with no
 * demo data, whose first administrator comes from `pnpm admin:create`, run first as an installer
 * runs it. Its output goes to the file fresh-install.spec.ts reads the one-time link from.
 */
const freshInstallServer: Server = {
  name: `fresh installation on ${FRESH_PORT}`,
  command: [
    ...newDatabase(`ldn_e2e_fresh_${FRESH_PORT}`),
    `${TSX} src/cli/admin-create.ts --email first.admin@fresh.test --name "Fran First" > ${freshAdminOutput}`,
    `exec ${TSX} src/main.ts`,
  ].join(' && '),
  port: FRESH_PORT,
  env: {
    PORT: String(FRESH_PORT),
    HOST: '127.0.0.1',
    PGLITE_DIR: freshPgliteDir,
    SEED_DEMO: 'false',
    WEB_DIST: webDist,
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
  },
};

const firstDemoOnly = process.argv.includes('--first-demo-only');
const demoPorts = firstDemoOnly ? DEMO_PORTS.slice(0, 1) : DEMO_PORTS;
const servers = [portalBuild, ...demoPorts.map(demoServer), ...(firstDemoOnly ? [] : [freshInstallServer])];

const answers = async (port: number) => {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).ok;
  } catch {
    return false;
  }
};

// Another run on these ports would answer this run's journeys with its own data.
for (const { port, name } of servers)
  if (port !== undefined && (await answers(port))) {
    console.error(`${name}: something already answers on port ${port} (another run? set E2E_PORT)`);
    process.exit(1);
  }

// Every run starts from fresh demo data, on the real date: no embedded database, moved clock or
// first-admin output a previous run left.
for (const dir of [...DEMO_PORTS.map(pgliteDir), freshPgliteDir])
  rmSync(dir, { recursive: true, force: true });
for (const port of DEMO_PORTS) rmSync(clockFileOf(port), { force: true });
rmSync(freshAdminOutput, { force: true });

const children: ChildProcess[] = [];
let stopping = false;

/** Ends every server (SIGTERM, then SIGKILL after 5 s) and exits with `code`. */
async function stop(code: number): Promise<never> {
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolveExit) => {
          const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => {
            clearTimeout(kill);
            resolveExit();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(code);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

/** Runs `server`; resolves once it answers (or, without a port, once it succeeded). */
function start(server: Server): Promise<void> {
  const child = spawn('sh', ['-c', server.command], {
    cwd: serverDir,
    env: { ...process.env, ...server.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
  if (server.port === undefined)
    return exited.then((code) => {
      if (code !== 0) throw new Error(`${server.name} failed (exit ${code})`);
    });
  const { port } = server;
  return new Promise((resolveReady, reject) => {
    const deadline = Date.now() + READY_WITHIN_MS;
    const poll = setInterval(async () => {
      if (await answers(port)) {
        clearInterval(poll);
        resolveReady();
      } else if (Date.now() > deadline) {
        clearInterval(poll);
        reject(new Error(`${server.name} did not answer /readyz within ${READY_WITHIN_MS / 1000} s`));
      }
    }, 250);
    void exited.then((code) => {
      clearInterval(poll);
      if (!stopping) reject(new Error(`${server.name} exited (${code}) before it was ready`));
    });
  });
}

try {
  await Promise.all(servers.map(start));
  console.log('e2e servers ready');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
