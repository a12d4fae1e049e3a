import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const serverDir = resolve(import.meta.dirname, '..', '..', 'server');
const tsx = join(serverDir, 'node_modules', '.bin', 'tsx');

export interface Started {
  process: ChildProcess;
  output: () => string;
  url: string;
}

/** Starts the server as `pnpm start` does (`src/main.ts` under tsx), with `env` over the caller's. */
export function startProduct(env: Record<string, string>): Promise<Started> {
  return startServer([tsx, '--conditions=development', 'src/main.ts'], serverDir, env);
}

/**
 * Starts a server with `command` in `cwd`, on a port of its own, and resolves once it says where it
 * listens; rejects with its output if it exits first.
 */
export async function startServer(
  [command, ...args]: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<Started> {
  if (command === undefined) throw new Error('no command');
  let output = '';
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setInterval(() => {
      const match = /running at (http:\/\/localhost:\d+)\//.exec(output);
      if (match?.[1] !== undefined) {
        clearInterval(timer);
        resolveUrl(match[1].replace('localhost', '127.0.0.1'));
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code}: ${output}`));
    });
  });
  return { process: child, output: () => output, url };
}

/**
 * Ctrl-C (or `signal`, e.g. a supervisor's SIGTERM): resolves with the exit code (0 when the server
 * closed its database cleanly).
 */
export function stopProduct(started: Started, signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
  if (started.process.exitCode !== null) return Promise.resolve(started.process.exitCode);
  return new Promise((resolveExit) => {
    started.process.once('exit', (code) => resolveExit(code));
    started.process.kill(signal);
  });
}

/**
 * A new, empty database on the tests' PostgreSQL server (TEST_DATABASE_URL or the local one) as a
 * DATABASE_URL, through the server package's own helper; null when the tests run on PGlite.
 */
export async function emptyPostgresDatabase(name: string): Promise<string | null> {
  const { stdout } = await promisify(execFile)(
    tsx,
    ['--conditions=development', 'src/test/fresh-database.ts', name],
    { cwd: serverDir },
  );
  const url = stdout.trim();
  return url === '' ? null : url;
}
