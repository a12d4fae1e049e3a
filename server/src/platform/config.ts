import { isIP } from 'node:net';
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Absent: the embedded PGlite database in `pgliteDir`. */
  databaseUrl: string | undefined;
  pgliteDir: string;
  /** Load the demo organisations, people and patients into an empty database. */
  seedDemo: boolean;
  production: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** A session ends after this long without a request. */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however active. */
  sessionMaxHours: number;
  /** The built portal served at `/`. */
  webDist: string;
  /** Whose calendar "today" is (worklist, dates defaulting to today). */
  timeZone: string;
  /**
   * Express's `trust proxy`: false (the peer's address, whatever X-Forwarded-For says), the number
   * of reverse proxies in front, or their addresses and subnets.
   */
  trustProxy: false | number | string[];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function databaseUrl(env: Env): string | undefined {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a URL (expected postgresql://user@host:5432/database)');
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new ConfigError('DATABASE_URL must start with postgresql://');
  }
  return raw;
}

function timeZone(env: Env): string {
  const zone = env.CLINIC_TIME_ZONE || Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
  } catch {
    throw new ConfigError(
      `CLINIC_TIME_ZONE must be an IANA time zone such as America/New_York (got "${zone}")`,
    );
  }
  return zone;
}

// The names proxy-addr knows for reserved ranges, besides addresses and CIDR subnets.
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function trustProxy(env: Env): Config['trustProxy'] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (/^[0-9]+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  const proxies = raw.split(',').map((entry) => entry.trim());
  const valid = (entry: string) => {
    const [address = '', bits, ...rest] = entry.split('/');
    const version = isIP(address);
    if (rest.length > 0 || version === 0) return PROXY_RANGES.includes(entry);
    return bits === undefined || (/^[0-9]+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
  };
  const wrong = proxies.find((entry) => !valid(entry));
  if (wrong !== undefined) {
    // `true` would trust every hop: any client could choose the address it is throttled by.
    throw new ConfigError(
      `TRUST_PROXY must be false, the number of proxies in front (e.g. 1) or their addresses (e.g. 10.0.0.0/8, loopback) (got "${wrong}")`,
    );
  }
  return proxies;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates the configuration; a wrong value names its variable. */
export function loadConfig(env: Env = process.env): Config {
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const url = databaseUrl(env);
  return {
    port: integer(env, 'PORT', 4000, 0, 65_535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: url,
    pgliteDir: resolve(env.PGLITE_DIR || resolve(repoRoot, '.data', 'pglite')),
    // The embedded database is for trying the product: it gets demo data unless told otherwise.
    seedDemo: flag(env, 'SEED_DEMO', url === undefined),
    production: env.NODE_ENV === 'production',
    logLevel: logLevel as Config['logLevel'],
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 30),
    webDist: resolve(env.WEB_DIST || resolve(repoRoot, 'web', 'dist')),
    timeZone: timeZone(env),
    trustProxy: trustProxy(env),
  };
}
