import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The one door (issue #17), held in CI: a resolver reaches data only through the repository its
// parameter decorator hands it (repository-decorators.ts). A file that registers type-graphql
// resolvers must not import the Prisma client (or the Prisma namespace) from '@ldn/db' as a value,
// must not touch a context's `prisma`, `db` or `repositories`, and says why at every use of the
// system's repository (`// system: …` on the line or the line above).

const SOURCE = join(import.meta.dirname, '..');

const JUSTIFIED = /\/\/\s*system:\s*\S/;

/** `// system: …` on the line, or in the comment lines right above it. */
function saysWhy(lines: readonly string[], index: number): boolean {
  if (JUSTIFIED.test(lines[index] ?? '')) return true;
  for (let above = index - 1; above >= 0 && /^\s*\/\//.test(lines[above] ?? ''); above -= 1) {
    if (JUSTIFIED.test(lines[above] ?? '')) return true;
  }
  return false;
}

/** The names a file imports from '@ldn/db' as values that are the client or its namespace. */
function clientImports(text: string): { line: number; names: string[] }[] {
  const valueImport = /^import\s+(?!type\b)\{([^}]*)\}\s+from\s+'@ldn\/db'/gm;
  return [...text.matchAll(valueImport)].flatMap((match) => {
    const names = (match[1] ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => /^(PrismaClient|Prisma)\b/.test(name));
    return names.length === 0 ? [] : [{ line: text.slice(0, match.index).split('\n').length, names }];
  });
}

const CONTEXT_DOOR = /\b(?:ctx|context)\s*\.\s*(prisma|db|repositories)\b/;
const SYSTEM_USE = /@SystemRepo\s*\(|\b(?:ctx|context)\s*\.\s*repositories\s*\.\s*system\s*\(/;

/** What one file does wrong, one line each ("file:line what"). */
function violationsOf(path: string, text: string): string[] {
  const found = clientImports(text).map(
    ({ line, names }) => `${path}:${line} imports ${names.join(', ')} from '@ldn/db' as a value`,
  );
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const code = line.replace(/\/\/.*$/, '');
    const door = CONTEXT_DOOR.exec(code);
    if (door !== null) found.push(`${path}:${index + 1} reaches the context's ${door[1]}`);
    if (SYSTEM_USE.test(code) && !saysWhy(lines, index))
      found.push(
        `${path}:${index + 1} uses the system repository without a \`// system:\` comment saying why`,
      );
  });
  return found;
}

/** Files that register type-graphql resolvers: `*.resolver.ts`, and any other with `@Resolver(`. */
function resolverFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        if (entry.name.endsWith('.resolver.ts') || readFileSync(path, 'utf8').includes('@Resolver(')) {
          files.push(path);
        }
      }
    }
  };
  walk(SOURCE);
  return files;
}

describe('the one door', () => {
  it('finds the resolver files (the guard is looking at something)', () => {
    const files = resolverFiles().map((path) => relative(SOURCE, path));
    expect(files).toContain('patients/patient.resolver.ts');
    expect(files).toContain('corrections/entered-in-error.type.ts');
    expect(files.length).toBeGreaterThan(30);
  });

  it('lets no resolver reach the database but through its repository', () => {
    const found = resolverFiles().flatMap((path) =>
      violationsOf(relative(SOURCE, path), readFileSync(path, 'utf8')),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ["import { Prisma } from '@ldn/db';", 'imports Prisma'],
    ["import { isUniqueViolation, PrismaClient } from '@ldn/db';", 'imports PrismaClient'],
    ['  const rows = await ctx.prisma.patient.findMany();', "context's prisma"],
    ['  return context.db.prisma.user.findMany();', "context's db"],
    ['  const clinic = ctx.repositories.clinic();', "context's repositories"],
    ['    @SystemRepo() system: SystemRepository,', 'without a `// system:` comment'],
  ])('refuses %s', (line, what) => {
    const found = violationsOf('planted.resolver.ts', `import { Resolver } from 'type-graphql';\n${line}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(what);
  });

  it.each([
    "import type { Prisma, PrismaClient } from '@ldn/db';",
    "import { isUniqueViolation, type Prisma } from '@ldn/db';",
    '    // system: nobody is signed in yet.\n    @SystemRepo() system: SystemRepository,',
    '    @ClinicRepo() scope: ClinicRepository,',
    '  // ctx.prisma is gone (a comment may name it)',
  ])('allows %s', (line) => {
    expect(violationsOf('fine.resolver.ts', `${line}\n`)).toEqual([]);
  });
});
