// Imported first by main.ts, for its side effect: tracing starts before the modules it instruments
// are loaded. Only the OTEL_* variables are read here; a wrong one is left to loadConfig, which
// main.ts calls next and which reports it as it reports every other variable (exit code 2).
// OpenTelemetry's SDK, exporter and instrumentations (tracing.ts) are loaded only when an exporter
// is configured: otherwise they would hold ~10 MB of the server's memory for nothing (issue #16).
import { ConfigError, type TracingConfig, tracingConfig } from '../platform/config.ts';
import type { Tracing } from './tracing.ts';

function configured(): TracingConfig | undefined {
  try {
    const config = tracingConfig(process.env);
    return config.exporter === 'none' ? undefined : config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return undefined;
  }
}

async function start(): Promise<Tracing | undefined> {
  const config = configured();
  if (config === undefined) return undefined;
  const { startTracing } = await import('./tracing.ts');
  return startTracing(config);
}

/** The tracing main.ts started, if an exporter is configured: the shutdown flushes it last. */
export const processTracing: Tracing | undefined = await start();
