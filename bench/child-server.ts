import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_AS_OF } from './bench-clock.ts';

// A server of the bench in a process of its own: its memory can be measured, and the load
// generator's work does not run on its event loop. The product's server runs as deployed, compiled
// (`node server/dist/main.js`, with serve-compiled.mjs preloaded to answer the bench); the bench's
// own servers (minimal-endpoint.ts) run under tsx's loader, Node running them directly with it.

const serverDir = fileURLToPath(new URL('../server/', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(join(serverDir, 'package.json')).resolve('tsx')).href;
const preload = new URL('./serve-compiled.mjs', import.meta.url).href;
/** How often the server's resident memory is sampled. */
const SAMPLE_MS = 100;
/** How long the compiled server may take to answer /readyz (it checks the migrations first). */
const READY_WITHIN_MS = 120_000;

/** The child's process.memoryUsage() (bytes) and V8's heap limit. */
export type ChildMemory = NodeJS.MemoryUsage & { heapSizeLimit: number };

export interface ChildServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  pid: number;
  /** SQL statements the server has sent since it started (it counts them itself). */
  statements(): Promise<number>;
  /** The server's own view of its memory, now. */
  memory(): Promise<ChildMemory>;
  /** Starts a new memory phase; returns the peak resident memory (MB) of the phase it ends. */
  nextPhase(): number;
  /** The process's resident memory now (VmRSS), in MB. */
  residentMb(): number;
  /** The process's peak resident memory over its whole life (VmHWM), in MB. */
  lifetimePeakMb(): number;
  /** CPU time (user and system, every thread) the process has used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** A field of /proc/<pid>/status in MB (VmRSS, VmHWM); 0 once the process is gone. */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
    return kb === undefined ? 0 : Number(kb) / 1024;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) of process `pid` so far in ms, from /proc/<pid>/stat; 0 once it is gone. */
function cpuMsOf(pid: number): number {
  try {
    // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th,
    // in clock ticks, which Linux counts 100 to the second.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function firstLine(child: ChildProcess, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const end = buffered.indexOf('\n');
      if (end < 0) return;
      child.stdout?.off('data', onData);
      resolve(buffered.slice(0, end));
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before listening`)));
  });
}

/** Samples `child`'s memory and asks it questions over IPC; `cleanUp` runs once it has exited. */
function watched(child: ChildProcess, name: string, origin: string, cleanUp = () => {}): ChildServer {
  const pid = child.pid ?? 0;
  let phasePeak = 0;
  const sampler = setInterval(() => {
    phasePeak = Math.max(phasePeak, statusMb(pid, 'VmRSS'));
  }, SAMPLE_MS);
  let exited = child.exitCode !== null;
  child.once('exit', () => {
    exited = true;
    clearInterval(sampler);
    cleanUp();
  });
  const ask = <T>(question: 'statements' | 'memory') =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(new Error(`${name} has stopped`));
      const onMessage = (message: unknown) => {
        if (typeof message !== 'object' || message === null || !(question in message)) return;
        child.off('message', onMessage);
        resolve((message as Record<string, T>)[question] as T);
      };
      child.on('message', onMessage);
      child.send(question);
    });
  return {
    origin,
    pid,
    statements: () => ask<number>('statements'),
    memory: () => ask<ChildMemory>('memory'),
    nextPhase() {
      const peak = Math.max(phasePeak, statusMb(pid, 'VmRSS'));
      phasePeak = 0;
      return peak;
    },
    residentMb: () => statusMb(pid, 'VmRSS'),
    lifetimePeakMb: () => statusMb(pid, 'VmHWM'),
    cpuMs: () => cpuMsOf(pid),
    async stop() {
      clearInterval(sampler);
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

/** Starts the bench module `file` (beside this one, under tsx) with `env`, and waits until it listens. */
export async function startChildServer(file: string, env: Record<string, string>): Promise<ChildServer> {
  const path = fileURLToPath(new URL(file, import.meta.url));
  const child = spawn(process.execPath, ['--conditions=development', '--import', tsxLoader, path], {
    cwd: serverDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const { port } = JSON.parse(await firstLine(child, file)) as { port: number };
  return watched(child, file, `http://127.0.0.1:${port}`);
}

/** The newest modification time (ms) of the TypeScript sources under `dir`, tests left out. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || /\.(test|fixtures|builders)\.ts$/.test(entry.name))
      continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** A file's modification time (ms); 0 when it is missing. */
function builtAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

const root = fileURLToPath(new URL('../', import.meta.url));
/** Each compiled entry point and the sources it is compiled from (the server loads the packages' dist). */
const BUILDS = [
  { entry: 'server/dist/main.js', sources: ['server/src'] },
  { entry: 'prisma/dist/src/index.js', sources: ['prisma/src', 'prisma/seed', 'prisma/generated'] },
  { entry: 'shared/dist/index.js', sources: ['shared/src'] },
];
const BUILD_COMMAND = ['pnpm', '--filter', '@ldn/server...', 'build'];

/**
 * Builds the server and the packages it loads when a compiled file is missing or older than its
 * sources, with the workspace's own build (`pnpm --filter @ldn/server... build`).
 */
export function ensureCompiledServer(): void {
  const stale = BUILDS.filter(
    ({ entry, sources }) =>
      builtAt(join(root, entry)) < Math.max(...sources.map((source) => newestSource(join(root, source)))),
  );
  if (stale.length === 0) return;
  console.log(
    `${stale.map((build) => build.entry).join(', ')} missing or older than the sources: ${BUILD_COMMAND.join(' ')} …`,
  );
  const [command = 'pnpm', ...args] = BUILD_COMMAND;
  const built = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (built.status !== 0)
    throw new Error(`the build failed (${built.status}): run \`${BUILD_COMMAND.join(' ')}\` and see why`);
}

/** A TCP port nobody listens on now, for a server told its port by PORT. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** Resolves once `origin`'s /readyz answers 200; rejects if the server exits or takes too long. */
async function ready(child: ChildProcess, origin: string): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the compiled server exited (${child.exitCode}) before it was ready`);
    const ok = await fetch(`${origin}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
  }
  child.kill('SIGTERM');
  throw new Error(`the compiled server did not answer /readyz within ${READY_WITHIN_MS / 1000} s`);
}

/** The Dockerfile, whose CMD and ENV the bench's server is started with. */
const imageDockerfile = () => readFileSync(join(root, 'Dockerfile'), 'utf8');

/**
 * The node options of the Dockerfile's CMD (`["node", …options, "server/dist/main.js"]`), so the
 * bench starts what the image starts.
 */
export function imageNodeOptions(): string[] {
  const dockerfile = imageDockerfile();
  const command = [...dockerfile.matchAll(/^CMD (\[.*\])$/gm)].at(-1)?.[1];
  const words = command === undefined ? [] : (JSON.parse(command) as string[]);
  if (words[0] !== 'node' || words.at(-1) !== 'server/dist/main.js')
    throw new Error(`the Dockerfile's CMD is not ["node", …, "server/dist/main.js"]: ${command}`);
  return words.slice(1, -1);
}

/**
 * The environment the image's last stage sets for the C library (the Dockerfile's `ENV MALLOC_…`),
 * so the bench's server allocates as the image's does. The rest of its ENV (NODE_ENV=production)
 * is not taken: production refuses the bench's clock.
 */
export function imageMallocEnv(): Record<string, string> {
  const dockerfile = imageDockerfile();
  const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const env: Record<string, string> = {};
  for (const [, line = ''] of lastStage.matchAll(/^ENV (.*)$/gm))
    for (const [, name = '', value = ''] of line.matchAll(/(MALLOC_\w+)=(\S+)/g)) env[name] = value;
  return env;
}

/**
 * Starts the product's server as the image runs it (`node server/dist/main.js` with `nodeOptions`,
 * by default the Dockerfile's, and its MALLOC_ environment, logging at info to nowhere) over
 * `databaseUrl`, on the benches' day through CLOCK_FILE (refused with NODE_ENV=production, so that
 * is the one difference from the image), and waits until it is ready.
 */
export async function startCompiledServer(
  databaseUrl: string,
  nodeOptions = imageNodeOptions(),
): Promise<ChildServer> {
  ensureCompiledServer();
  const port = await freePort();
  const clockDir = mkdtempSync(join(tmpdir(), 'ldn-bench-clock-'));
  const clockFile = join(clockDir, 'now');
  writeFileSync(clockFile, `${BENCH_AS_OF}T09:00:00Z`);
  // Whatever options the bench itself runs with (a loader) are not the deployed server's.
  const { NODE_OPTIONS: _benchOptions, ...inherited } = process.env;
  const child = spawn(process.execPath, [...nodeOptions, '--import', preload, 'dist/main.js'], {
    cwd: serverDir,
    env: {
      ...inherited,
      ...imageMallocEnv(),
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      CLOCK_FILE: clockFile,
      CLINIC_TIME_ZONE: 'UTC',
      WEB_DIST: '/nonexistent',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const server = watched(child, 'server/dist/main.js', origin, () =>
    rmSync(clockDir, { recursive: true, force: true }),
  );
  await ready(child, origin);
  return server;
}
