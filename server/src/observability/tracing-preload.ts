// Imported first by main.ts, for its side effect: tracing starts before the modules it instruments
// are loaded. Only the OTEL_* variables are read here; a wrong one is left to loadConfig, which
// main.ts calls next and which reports it as it reports every other variable (exit code 2).
import { ConfigError, tracingConfig } from '../platform/config.ts';
import { startTracing, type Tracing } from './tracing.ts';

let started: Tracing | undefined;
try {
  started = startTracing(tracingConfig(process.env));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
}

/** The tracing main.ts started, if an exporter is configured: the shutdown flushes it last. */
export const processTracing: Tracing | undefined = started;
