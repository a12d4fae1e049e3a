import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const web = resolve(import.meta.dirname, '..', '..');

it('keeps the typed documents’ introspection in step with server/schema.graphql', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ldn-web-introspection-'));
  try {
    const fresh = join(folder, 'graphql-env.d.ts');
    execFileSync(join(web, 'node_modules', '.bin', 'gql.tada'), ['generate', 'output', '--output', fresh], {
      cwd: web,
      stdio: 'pipe',
    });
    const committed = readFileSync(join(web, 'src', 'graphql', 'generated', 'graphql-env.d.ts'), 'utf8');
    expect(
      readFileSync(fresh, 'utf8') === committed,
      'stale: run `pnpm --filter @ldn/web graphql:generate`',
    ).toBe(true);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}, 60_000);
