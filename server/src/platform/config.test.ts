import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, productionWarnings } from './config.ts';

describe('loadConfig', () => {
  it('starts on port 4000 with the embedded database and demo data when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.pgliteDir).toMatch(/\.data\/pglite$/);
  });

  it('loads no demo data into a real PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h:5432/db' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h:5432/db', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT must be a whole number/],
    [{ PORT: '70000' }, /^PORT must be a whole number from 0 to 65535/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /^DATABASE_URL must start with postgresql:\/\//],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL is not a URL/],
    [{ SEED_DEMO: 'maybe' }, /^SEED_DEMO must be true or false/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
    [{ SESSION_IDLE_MINUTES: '0' }, /^SESSION_IDLE_MINUTES must be a whole number from 1/],
    [{ SHUTDOWN_TIMEOUT_MS: '10' }, /^SHUTDOWN_TIMEOUT_MS must be a whole number from 100/],
    [{ METRICS_PORT: 'metrics' }, /^METRICS_PORT must be a whole number/],
    [{ METRICS_PORT: '4000' }, /^METRICS_PORT must differ from PORT/],
    [{ OTEL_TRACES_EXPORTER: 'jaeger' }, /^OTEL_TRACES_EXPORTER must be one of otlp, console, none/],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, /^OTEL_EXPORTER_OTLP_ENDPOINT must be an http/],
  ])('names the variable that is wrong: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('keeps the real clock unless CLOCK_FILE names a file (outside production)', () => {
    expect(loadConfig({}).clockFile).toBeUndefined();
    expect(loadConfig({ CLOCK_FILE: '/tmp/ldn-clock' }).clockFile).toBe('/tmp/ldn-clock');
  });

  it('drains for 10 s, serves no metrics and exports no traces unless told', () => {
    const config = loadConfig({});
    expect(config.shutdownTimeoutMs).toBe(10_000);
    expect(config.metricsPort).toBeUndefined();
    expect(config.tracing).toEqual({ exporter: 'none', serviceName: 'ldn-trials' });
  });

  it.each([
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, 'otlp'],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector/v1/traces' }, 'otlp'],
    [{ OTEL_TRACES_EXPORTER: 'console' }, 'console'],
    [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, 'none'],
    [{ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }, 'none'],
  ])('exports traces as the OTEL_* variables say: %o', (env, exporter) => {
    expect(loadConfig(env).tracing.exporter).toBe(exporter);
  });

  it.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.7', ['10.0.0.0/8', '192.168.1.7']],
  ])('trusts no proxy unless told: TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['true', 'yes', '10.0.0.0/33', 'my-proxy', '11'])('refuses TRUST_PROXY=%s', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/^TRUST_PROXY must be/);
  });

  describe('in production (NODE_ENV=production)', () => {
    const production = { NODE_ENV: 'production' };
    const postgres = { ...production, DATABASE_URL: 'postgresql://u@h:5432/db' };

    it('refuses to start on the embedded database, naming DATABASE_URL and how to allow it', () => {
      expect(() => loadConfig(production)).toThrow(ConfigError);
      expect(() => loadConfig(production)).toThrow(
        /^DATABASE_URL is not set: .*ALLOW_EMBEDDED_DATABASE=true/,
      );
      expect(() => loadConfig({ ...production, ALLOW_EMBEDDED_DATABASE: 'false' })).toThrow(/^DATABASE_URL/);
    });

    it('runs on the embedded database when asked to, without the demo data', () => {
      const config = loadConfig({ ...production, ALLOW_EMBEDDED_DATABASE: 'true' });
      expect(config.databaseUrl).toBeUndefined();
      expect(config.seedDemo).toBe(false);
    });

    it('loads the demo data only when SEED_DEMO=true says so', () => {
      expect(loadConfig(postgres).seedDemo).toBe(false);
      expect(loadConfig({ ...production, ALLOW_EMBEDDED_DATABASE: 'true', SEED_DEMO: 'true' }).seedDemo).toBe(
        true,
      );
    });

    it("refuses CLOCK_FILE, the tests' seam that moves the clock, naming it", () => {
      expect(() => loadConfig({ ...postgres, CLOCK_FILE: '/tmp/ldn-clock' })).toThrow(ConfigError);
      expect(() => loadConfig({ ...postgres, CLOCK_FILE: '/tmp/ldn-clock' })).toThrow(
        /^CLOCK_FILE is set: with NODE_ENV=production the server's clock is never moved/,
      );
      expect(loadConfig({ ...postgres, CLOCK_FILE: '' }).clockFile).toBeUndefined();
    });

    it('refuses ALLOW_EMBEDDED_DATABASE that is not true or false', () => {
      expect(() => loadConfig({ ...production, ALLOW_EMBEDDED_DATABASE: 'please' })).toThrow(
        /^ALLOW_EMBEDDED_DATABASE must be true or false/,
      );
    });

    it('warns when no TLS proxy is declared in front, since the session cookie is Secure', () => {
      expect(productionWarnings(loadConfig(postgres))).toEqual([
        expect.stringMatching(/^NODE_ENV=production without TRUST_PROXY: .*Secure.*HTTPS/),
      ]);
      expect(productionWarnings(loadConfig({ ...postgres, TRUST_PROXY: '1' }))).toEqual([]);
    });

    it('warns about what was allowed explicitly: demo accounts, the embedded database', () => {
      const warnings = productionWarnings(
        loadConfig({
          ...production,
          TRUST_PROXY: 'loopback',
          ALLOW_EMBEDDED_DATABASE: 'true',
          SEED_DEMO: 'yes',
        }),
      );
      expect(warnings).toEqual([
        expect.stringMatching(/^SEED_DEMO=true in production/),
        expect.stringMatching(/^ALLOW_EMBEDDED_DATABASE=true in production/),
      ]);
    });

    it('has nothing to warn about outside production', () => {
      expect(productionWarnings(loadConfig({}))).toEqual([]);
    });
  });

  describe('the database settings', () => {
    const url = 'postgresql://app@pgbouncer:6432/ldn';

    it('keeps a pool of 10 and stops a statement after 30 seconds unless told otherwise', () => {
      const config = loadConfig({ DATABASE_URL: url });
      expect(config.databasePoolSize).toBe(10);
      expect(config.databaseStatementTimeoutMs).toBe(30_000);
      expect(config.directDatabaseUrl).toBeUndefined();
    });

    it('prepares the pages’ statements unless told not to (a pooler that cannot keep them)', () => {
      expect(loadConfig({ DATABASE_URL: url }).databasePreparedStatements).toBe(true);
      const off = loadConfig({ DATABASE_URL: url, DATABASE_PREPARED_STATEMENTS: 'false' });
      expect(off.databasePreparedStatements).toBe(false);
      expect(() => loadConfig({ DATABASE_URL: url, DATABASE_PREPARED_STATEMENTS: 'sometimes' })).toThrow(
        /^DATABASE_PREPARED_STATEMENTS must be true or false/,
      );
    });

    it("takes the pool size, the statement timeout (0: the server's own) and a direct URL for migrations", () => {
      const config = loadConfig({
        DATABASE_URL: url,
        DIRECT_DATABASE_URL: 'postgresql://owner@db:5432/ldn',
        DATABASE_POOL_SIZE: '25',
        DATABASE_STATEMENT_TIMEOUT_MS: '0',
        MAX_REQUESTS_IN_FLIGHT: '64',
      });
      expect(config).toMatchObject({
        maxRequestsInFlight: 64,
        databaseUrl: url,
        directDatabaseUrl: 'postgresql://owner@db:5432/ldn',
        databasePoolSize: 25,
        databaseStatementTimeoutMs: 0,
      });
    });

    it('lets twice the pool size of requests in flight unless told', () => {
      expect(loadConfig({ DATABASE_URL: url }).maxRequestsInFlight).toBe(20);
      expect(loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '25' }).maxRequestsInFlight).toBe(50);
    });

    it.each([
      [{ DATABASE_POOL_SIZE: '0' }, /^DATABASE_POOL_SIZE must be a whole number from 1 to 100/],
      [{ DATABASE_POOL_SIZE: 'lots' }, /^DATABASE_POOL_SIZE must be a whole number/],
      [
        { DATABASE_STATEMENT_TIMEOUT_MS: '-1' },
        /^DATABASE_STATEMENT_TIMEOUT_MS must be a whole number from 0/,
      ],
      [{ DATABASE_STATEMENT_TIMEOUT_MS: '1.5' }, /^DATABASE_STATEMENT_TIMEOUT_MS must be a whole number/],
      [{ DIRECT_DATABASE_URL: 'mysql://x@y/z' }, /^DIRECT_DATABASE_URL must start with postgresql:\/\//],
      [{ DIRECT_DATABASE_URL: 'db:5432' }, /^DIRECT_DATABASE_URL (is not a URL|must start with)/],
      [{ RETENTION_INTERVAL_MINUTES: '0' }, /^RETENTION_INTERVAL_MINUTES must be a whole number from 1/],
      [{ MAX_REQUESTS_IN_FLIGHT: '0' }, /^MAX_REQUESTS_IN_FLIGHT must be a whole number from 1 to 10000/],
      [{ MAX_REQUESTS_IN_FLIGHT: 'many' }, /^MAX_REQUESTS_IN_FLIGHT must be a whole number/],
    ])('names the database setting that is wrong: %o', (env, message) => {
      expect(() => loadConfig({ DATABASE_URL: url, ...env })).toThrow(message);
    });

    it('refuses a direct URL without DATABASE_URL', () => {
      expect(() => loadConfig({ DIRECT_DATABASE_URL: 'postgresql://owner@db:5432/ldn' })).toThrow(
        /^DIRECT_DATABASE_URL is set without DATABASE_URL/,
      );
    });

    it('does not echo the direct URL, which may hold a password', () => {
      expect(() =>
        loadConfig({ DATABASE_URL: url, DIRECT_DATABASE_URL: 'mysql://o:s3cret@db/ldn' }),
      ).not.toThrow(/s3cret/);
    });
  });

  it('does not echo the database URL, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:s3cret@host/db' })).not.toThrow(/s3cret/);
  });

  it('takes the public address for printed links without a trailing slash, and refuses one that is not http(s)', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'https://ldn.clinic.example/' }).publicUrl).toBe(
      'https://ldn.clinic.example',
    );
    expect(() => loadConfig({ PUBLIC_URL: 'ldn.clinic.example' })).toThrow(/^PUBLIC_URL must be/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://ldn.clinic.example' })).toThrow(/^PUBLIC_URL must be/);
  });

  describe('the example environment (.env.example)', () => {
    const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
    // `NAME=value`, or `# NAME=value` for a line that shows a default or an alternative.
    const example = readFileSync(resolve(repoRoot, '.env.example'), 'utf8')
      .split('\n')
      .flatMap((line) => {
        const match = /^(?:# )?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
        return match?.[1] === undefined ? [] : [[match[1], match[2] ?? ''] as const];
      });
    const testsOnly = new Set(['TEST_DATABASE_URL']);
    // The server's configuration, and the commands' own (`ldn db:backup` takes PG_DUMP, say).
    const cli = resolve(import.meta.dirname, '..', 'cli');
    const sources = [
      resolve(import.meta.dirname, 'config.ts'),
      ...readdirSync(cli)
        .filter((file) => file.endsWith('.ts') && !file.includes('.test.'))
        .map((file) => resolve(cli, file)),
    ].map((file) => readFileSync(file, 'utf8'));
    // Set by the tools that run the commands, not by whoever deploys.
    const setByTools = new Set(['INIT_CWD']);
    const read = new Set(
      sources
        .flatMap((source) =>
          [...source.matchAll(/env\.([A-Z][A-Z0-9_]*)|\(env, '([A-Z][A-Z0-9_]*)'/g)].map((m) => m[1] ?? m[2]),
        )
        .filter((name) => name !== undefined && !setByTools.has(name)),
    );

    it('names every variable the server and its commands read, and nothing else', () => {
      const named = new Set(example.map(([name]) => name).filter((name) => !testsOnly.has(name)));
      expect([...named].sort()).toEqual([...read].sort());
    });

    it('holds values the server accepts', () => {
      const env = Object.fromEntries(example.filter(([name]) => !testsOnly.has(name)));
      expect(() => loadConfig(env)).not.toThrow();
    });
  });
});
