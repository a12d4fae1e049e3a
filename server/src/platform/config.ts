import { isIP } from 'node:net';
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Absent: the embedded PGlite database in `pgliteDir`. */
  databaseUrl: string | undefined;
  /**
   * Where migrations are applied, when `databaseUrl` goes through a transaction-mode pooler
   * (PgBouncer), which cannot hold the migrations' session-level advisory lock. Absent: `databaseUrl`.
   */
  directDatabaseUrl: string | undefined;
  /** Connections the API's pool opens at most. */
  databasePoolSize: number;
  /** PostgreSQL's `statement_timeout` on every pooled connection; 0 leaves the server's own. */
  databaseStatementTimeoutMs: number;
  /** The pages' statements are prepared once per connection (@ldn/db prepared-statements.ts). */
  databasePreparedStatements: boolean;
  /** API requests handled at once by this process; more wait in arrival order (platform/in-flight.ts). */
  maxRequestsInFlight: number;
  pgliteDir: string;
  /** Load the demo organisations, people and patients into an empty database. */
  seedDemo: boolean;
  production: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** A session ends after this long without a request. */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however active. */
  sessionMaxHours: number;
  /**
   * How long a live session read answers again for this process's requests (auth/recent-sessions.ts);
   * 0 reads it at every request.
   */
  sessionRecentMs: number;
  /** The built portal served at `/`. */
  webDist: string;
  /** The portal's address as people open it (through the proxy), for the links commands print. */
  publicUrl: string | undefined;
  /** Whose calendar "today" is (worklist, dates defaulting to today). */
  timeZone: string;
  /**
   * Express's `trust proxy`: false (the peer's address, whatever X-Forwarded-For says), the number
   * of reverse proxies in front, or their addresses and subnets.
   */
  trustProxy: false | number | string[];
  /** How often expired sessions, tokens, throttle rows and idempotency keys are purged. */
  retentionIntervalMinutes: number;
  /** How long a shutdown lets requests in flight finish before their connections are cut. */
  shutdownTimeoutMs: number;
  /** Where Prometheus scrapes `/metrics`: a port of its own, never the public one. Absent: not served. */
  metricsPort: number | undefined;
  metricsHost: string;
  tracing: TracingConfig;
  /**
   * End-to-end tests only: a file whose ISO date-time the server's clock reads (clock.ts
   * `fileClock`). Refused in production.
   */
  clockFile: string | undefined;
}

/** OpenTelemetry traces, read from the standard OTEL_* variables: off unless an exporter is named. */
export interface TracingConfig {
  exporter: 'otlp' | 'console' | 'none';
  serviceName: string;
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

function postgresUrl(env: Env, name: 'DATABASE_URL' | 'DIRECT_DATABASE_URL'): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL (expected postgresql://user@host:5432/database)`);
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new ConfigError(`${name} must start with postgresql://`);
  }
  return raw;
}

/**
 * The database, refusing in production what is only meant for trying the product: the embedded
 * database, unless ALLOW_EMBEDDED_DATABASE says it is wanted.
 */
function databaseUrls(env: Env, production: boolean): Pick<Config, 'databaseUrl' | 'directDatabaseUrl'> {
  const databaseUrl = postgresUrl(env, 'DATABASE_URL');
  const directDatabaseUrl = postgresUrl(env, 'DIRECT_DATABASE_URL');
  if (databaseUrl === undefined && directDatabaseUrl !== undefined) {
    throw new ConfigError('DIRECT_DATABASE_URL is set without DATABASE_URL: set both, or neither');
  }
  if (databaseUrl === undefined && production && !flag(env, 'ALLOW_EMBEDDED_DATABASE', false)) {
    throw new ConfigError(
      'DATABASE_URL is not set: with NODE_ENV=production the embedded database is refused. Set DATABASE_URL to your PostgreSQL, or ALLOW_EMBEDDED_DATABASE=true to run on the embedded one anyway',
    );
  }
  return { databaseUrl, directDatabaseUrl };
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

function metricsPort(env: Env): number | undefined {
  if (env.METRICS_PORT === undefined || env.METRICS_PORT === '') return undefined;
  const port = integer(env, 'METRICS_PORT', 0, 1, 65_535);
  if (port === integer(env, 'PORT', 4000, 0, 65_535)) {
    throw new ConfigError(
      `METRICS_PORT must differ from PORT (${port}): metrics are never served on the public port`,
    );
  }
  return port;
}

const TRACE_EXPORTERS = ['otlp', 'console', 'none'] as const;

function httpUrl(env: Env, name: 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const valid = URL.canParse(raw) && ['http:', 'https:'].includes(new URL(raw).protocol);
  if (!valid) throw new ConfigError(`${name} must be an http:// or https:// URL (got "${raw}")`);
  return raw;
}

/**
 * Whether traces are exported, and how: OTEL_TRACES_EXPORTER names the exporter (`otlp`, `console`
 * or `none`); without it, an OTLP endpoint turns OTLP on. Nothing set, no SDK starts: unlike the
 * OpenTelemetry SDK's own default (OTLP to localhost), which would send spans nobody asked for.
 * Read before anything else is loaded (observability/tracing-preload.ts), so it stands alone.
 */
export function tracingConfig(env: Env): TracingConfig {
  const serviceName = env.OTEL_SERVICE_NAME || 'ldn-trials';
  const endpoint =
    httpUrl(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? httpUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  const named = (env.OTEL_TRACES_EXPORTER ?? '').trim().toLowerCase();
  if (named !== '' && !(TRACE_EXPORTERS as readonly string[]).includes(named)) {
    throw new ConfigError(
      `OTEL_TRACES_EXPORTER must be one of ${TRACE_EXPORTERS.join(', ')} (got "${env.OTEL_TRACES_EXPORTER}")`,
    );
  }
  if (flag(env, 'OTEL_SDK_DISABLED', false)) return { exporter: 'none', serviceName };
  const exporter =
    named !== '' ? (named as TracingConfig['exporter']) : endpoint !== undefined ? 'otlp' : 'none';
  return { exporter, serviceName };
}

function publicUrl(env: Env): string | undefined {
  const raw = env.PUBLIC_URL;
  if (raw === undefined || raw === '') return undefined;
  if (!URL.canParse(raw) || !['http:', 'https:'].includes(new URL(raw).protocol)) {
    throw new ConfigError(
      `PUBLIC_URL must be an https:// address such as https://ldn.clinic.example (got "${raw}")`,
    );
  }
  return raw.replace(/\/+$/, '');
}

/** CLOCK_FILE: moves the server's "now" for tests that drive dates, so production refuses it. */
function clockFile(env: Env, production: boolean): string | undefined {
  const raw = env.CLOCK_FILE;
  if (raw === undefined || raw === '') return undefined;
  if (production) {
    throw new ConfigError(
      "CLOCK_FILE is set: with NODE_ENV=production the server's clock is never moved (the variable is for tests only). Unset it",
    );
  }
  return resolve(raw);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates the configuration; a wrong value names its variable. */
export function loadConfig(env: Env = process.env): Config {
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const production = env.NODE_ENV === 'production';
  const { databaseUrl, directDatabaseUrl } = databaseUrls(env, production);
  const databasePoolSize = integer(env, 'DATABASE_POOL_SIZE', 10, 1, 100);
  return {
    port: integer(env, 'PORT', 4000, 0, 65_535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    directDatabaseUrl,
    databasePoolSize,
    databaseStatementTimeoutMs: integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000),
    databasePreparedStatements: flag(env, 'DATABASE_PREPARED_STATEMENTS', true),
    // Twice the pool: while half hold a connection, the other half parse, resolve and answer.
    maxRequestsInFlight: integer(env, 'MAX_REQUESTS_IN_FLIGHT', 2 * databasePoolSize, 1, 10_000),
    pgliteDir: resolve(env.PGLITE_DIR || resolve(repoRoot, '.data', 'pglite')),
    // The embedded database is for trying the product: it gets demo data unless told otherwise.
    // Production never does unless asked: the demo accounts share a published password.
    seedDemo: flag(env, 'SEED_DEMO', databaseUrl === undefined && !production),
    production,
    logLevel: logLevel as Config['logLevel'],
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: integer(env, 'SESSION_MAX_HOURS', 12, 1, 24 * 30),
    sessionRecentMs: integer(env, 'SESSION_RECENT_MS', 1_000, 0, 60_000),
    webDist: resolve(env.WEB_DIST || resolve(repoRoot, 'web', 'dist')),
    publicUrl: publicUrl(env),
    timeZone: timeZone(env),
    trustProxy: trustProxy(env),
    retentionIntervalMinutes: integer(env, 'RETENTION_INTERVAL_MINUTES', 60, 1, 24 * 60),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    metricsPort: metricsPort(env),
    // Metrics are for the operator's scraper, not the network: this host only unless told.
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    tracing: tracingConfig(env),
    clockFile: clockFile(env, production),
  };
}

/**
 * What a valid configuration may still get wrong in production, in words for the operator's log:
 * the session cookie is `Secure`, so a browser reaching the server over plain HTTP (other than
 * http://localhost) drops it, and sign-in seems to work, then signs out at the next request.
 */
export function productionWarnings(config: Config): string[] {
  if (!config.production) return [];
  const warnings: string[] = [];
  if (config.trustProxy === false) {
    warnings.push(
      'NODE_ENV=production without TRUST_PROXY: the session cookie is Secure, so browsers keep it only over HTTPS (or http://localhost). Serve the portal through a TLS-terminating reverse proxy and set TRUST_PROXY to it; over plain HTTP, sign-in appears to work and the next request is signed out',
    );
  }
  if (config.seedDemo) {
    warnings.push('SEED_DEMO=true in production: the demo accounts, whose password is published, are loaded');
  }
  if (config.databaseUrl === undefined) {
    warnings.push(
      'ALLOW_EMBEDDED_DATABASE=true in production: the embedded database takes one connection and keeps its data in PGLITE_DIR',
    );
  }
  return warnings;
}
