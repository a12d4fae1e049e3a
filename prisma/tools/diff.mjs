#!/usr/bin/env node
// Prints the SQL that takes a database from one Prisma schema to another, offline.
//   node prisma/tools/diff.mjs                      # from empty to prisma/schema.prisma
//   node prisma/tools/diff.mjs --from old.prisma    # from old.prisma to prisma/schema.prisma
//   node prisma/tools/diff.mjs --from-git HEAD      # from the committed schema (a new migration)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const schemaPath = join(here, '..', 'schema.prisma');

/** Prisma 6 wants a datasource url and the classic generator; the model is what matters. */
function asPrisma6(schema) {
  return schema
    .replace(/provider\s*=\s*"postgresql"/, 'provider = "postgresql"\n  url = "postgresql://unused/unused"')
    .replace(/generator client \{[^}]*\}/s, 'generator client {\n  provider = "prisma-client-js"\n}');
}

export function diffSql({ fromSchema } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'ldn-diff-'));
  try {
    const to = join(work, 'to.prisma');
    writeFileSync(to, asPrisma6(readFileSync(schemaPath, 'utf8')));
    const args = ['migrate', 'diff', '--script', '--to-schema-datamodel', to];
    if (fromSchema === undefined) {
      args.push('--from-empty');
    } else {
      const from = join(work, 'from.prisma');
      writeFileSync(from, asPrisma6(fromSchema));
      args.push('--from-schema-datamodel', from);
    }
    return execFileSync(join(here, 'node_modules', '.bin', 'prisma'), args, {
      cwd: here,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        LDN_DIFF_SCHEMA: to,
        PRISMA_QUERY_ENGINE_LIBRARY: '/bin/false',
        PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false',
        PRISMA_HIDE_UPDATE_MESSAGE: '1',
      },
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [flag, value] = process.argv.slice(2);
  let fromSchema;
  if (flag === '--from') fromSchema = readFileSync(value, 'utf8');
  if (flag === '--from-git') {
    fromSchema = execFileSync('git', ['show', `${value}:prisma/schema.prisma`], { encoding: 'utf8' });
  }
  process.stdout.write(diffSql({ fromSchema }));
}
