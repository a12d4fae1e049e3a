import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// What main.ts's first import loads, in a Node process of its own (a module is loaded once per
// process): OpenTelemetry's SDK only when traces are exported.

const preload = new URL('./tracing-preload.ts', import.meta.url).pathname;
const CHILD = `
  import { registerHooks } from 'node:module';
  const asked = new Set();
  registerHooks({ resolve(specifier, context, next) { asked.add(specifier); return next(specifier, context); } });
  const { processTracing } = await import(${JSON.stringify(preload)});
  console.log(JSON.stringify({
    started: processTracing !== undefined,
    sdk: [...asked].filter((specifier) => specifier.startsWith('@opentelemetry/sdk-trace')),
  }));
  await processTracing?.shutdown();
`;

async function preloaded(env: Record<string, string>): Promise<{ started: boolean; sdk: string[] }> {
  const { OTEL_TRACES_EXPORTER: _, OTEL_EXPORTER_OTLP_ENDPOINT: __, ...inherited } = process.env;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', CHILD], {
    env: { ...inherited, ...env },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
}

describe('the tracing preload (tracing-preload.ts)', () => {
  it('loads no OpenTelemetry SDK when no exporter is configured', async () => {
    expect(await preloaded({})).toEqual({ started: false, sdk: [] });
    expect(await preloaded({ OTEL_TRACES_EXPORTER: 'none' })).toEqual({ started: false, sdk: [] });
  });

  it('starts tracing, SDK and all, when an exporter is named', async () => {
    const { started, sdk } = await preloaded({ OTEL_TRACES_EXPORTER: 'console' });
    expect(started).toBe(true);
    expect(sdk).toContain('@opentelemetry/sdk-trace-node');
  });
});
