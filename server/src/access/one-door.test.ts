import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// The one door (issue #17), held in CI: a resolver reaches data only through the repository its
// parameter decorator hands it (repository-decorators.ts), and only through its named methods. A
// file that registers type-graphql resolvers must not import the Prisma client (or the Prisma
// namespace) from '@ldn/db' as a value, must not touch a context's `prisma`, `db` or
// `repositories`, must not call a Prisma model method or raw SQL on any client (a transaction's
// client goes to a service, which writes), must not call a repository's generic `read` or the
// system's `unscoped`, and says why at every use of the system's repository (`// system: …` on the
// line or the comment lines above). Beyond resolvers, only `access/` and the composition roots —
// the places that build a request's repositories over the raw client — read `db.prisma`; any other
// file that reads it, takes `.unscoped` or opens `systemRepositoryOf(…)` says why the same way.

const SOURCE = join(import.meta.dirname, '..');

/** Where a request's repositories are built over the raw client: the only holders of `db.prisma`. */
const COMPOSITION_ROOTS = ['app.ts', 'live/live-server.ts', 'fhir/fhir.router.ts'];

const JUSTIFIED = /\/\/\s*system:\s*\S/;

/** `// system: …` on the line, or in the comment lines right above it. */
function saysWhy(lines: readonly string[], index: number): boolean {
  if (JUSTIFIED.test(lines[index] ?? '')) return true;
  for (let above = index - 1; above >= 0 && /^\s*\/\//.test(lines[above] ?? ''); above -= 1) {
    if (JUSTIFIED.test(lines[above] ?? '')) return true;
  }
  return false;
}

/** The text without its comments, every newline kept, so an index still tells its line. */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/\/\/.*$/gm, '');
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** The names a file imports from '@ldn/db' as values that are the client or its namespace. */
function clientImports(text: string): { line: number; names: string[] }[] {
  const valueImport = /^import\s+(?!type\b)\{([^}]*)\}\s+from\s+'@ldn\/db'/gm;
  return [...text.matchAll(valueImport)].flatMap((match) => {
    const names = (match[1] ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => /^(PrismaClient|Prisma)\b/.test(name));
    return names.length === 0 ? [] : [{ line: lineAt(text, match.index), names }];
  });
}

const CONTEXT_DOOR = /\b(?:ctx|context)\s*\.\s*(prisma|db|repositories)\b/;
const SYSTEM_USE = /@SystemRepo\s*\(|\b(?:ctx|context)\s*\.\s*repositories\s*\.\s*system\s*\(/;

const MODEL_METHODS =
  'findMany|findFirst|findFirstOrThrow|findUnique|findUniqueOrThrow|create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany|count|aggregate|groupBy';
/** `<anything>.<model>.<method>(`, across lines: a query written in place, on whatever client. */
const MODEL_CALL = new RegExp(`\\.\\s*([a-z][A-Za-z0-9]*)\\s*\\.\\s*(${MODEL_METHODS})\\s*\\(`, 'g');
const RAW_CALL = /\$(queryRawUnsafe|executeRawUnsafe|queryRaw|executeRaw|transaction)\b/g;
/** A repository's generic door: `read(` hands out its client, `unscoped` is the client. */
const GENERIC_DOOR = /\.\s*(read)\s*\(|\.\s*(unscoped)\b/g;

/** What one resolver file does wrong, one line each ("file:line what"). */
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
  const code = withoutComments(text);
  for (const call of code.matchAll(MODEL_CALL))
    found.push(
      `${path}:${lineAt(code, call.index)} calls the Prisma model method ${call[1]}.${call[2]} (a repository's named method, or a service in a transaction, does)`,
    );
  for (const call of code.matchAll(RAW_CALL))
    found.push(`${path}:${lineAt(code, call.index)} calls $${call[1]} (a repository's or a service's)`);
  for (const call of code.matchAll(GENERIC_DOOR))
    found.push(
      `${path}:${lineAt(code, call.index)} calls a repository's generic ${call[1] ?? call[2]} (call a named method)`,
    );
  return found;
}

const RAW_CLIENT = /\bdb\s*\.\s*prisma\b/;
const SYSTEM_DOOR = /\.\s*unscoped\b|\bsystemRepositoryOf\s*\(/;

/**
 * What one file outside `access/` does wrong with the system's door: `db.prisma` outside a
 * composition root, `.unscoped` or `systemRepositoryOf(` anywhere, without a `// system:` reason.
 */
function systemDoorViolationsOf(path: string, text: string): string[] {
  const where = path.split(sep).join('/');
  if (where.startsWith('access/')) return [];
  const root = COMPOSITION_ROOTS.includes(where);
  const lines = text.split('\n');
  return lines.flatMap((line, index) => {
    const code = line.replace(/\/\/.*$/, '');
    const door = (!root && RAW_CLIENT.exec(code)) || SYSTEM_DOOR.exec(code);
    if (!door || saysWhy(lines, index)) return [];
    return [`${path}:${index + 1} reaches ${door[0].trim()} without a \`// system:\` comment saying why`];
  });
}

/** Test code by name: tests, fixtures, builders, the test harness. */
const isTestCode = (path: string) =>
  /\.(test|fixtures|builders)\.ts$/.test(path) || relative(SOURCE, path).startsWith(`test${sep}`);

/** Every TypeScript file of the server, tests included. */
function allFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  walk(SOURCE);
  return files;
}

/**
 * Test code, and whatever only test code imports (a test's own generator of writes, say): it runs
 * in no server, so it may hold the raw client. Grown to a fixed point over the relative imports.
 */
function testSupport(files: readonly string[]): Set<string> {
  const importers = new Map<string, string[]>();
  for (const path of files) {
    for (const [, target] of readFileSync(path, 'utf8').matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)) {
      const imported = join(dirname(path), target ?? '');
      importers.set(imported, [...(importers.get(imported) ?? []), path]);
    }
  }
  const support = new Set(files.filter(isTestCode));
  for (let grew = true; grew; ) {
    grew = false;
    for (const path of files) {
      const by = importers.get(path) ?? [];
      if (!support.has(path) && by.length > 0 && by.every((importer) => support.has(importer))) {
        support.add(path);
        grew = true;
      }
    }
  }
  return support;
}

/** Every source file of the server that runs in it: not test code, nor imported by test code alone. */
function sourceFiles(): string[] {
  const files = allFiles();
  const support = testSupport(files);
  return files.filter((path) => !support.has(path));
}

/** Files that register type-graphql resolvers: `*.resolver.ts`, and any other with `@Resolver(`. */
function resolverFiles(): string[] {
  return sourceFiles().filter(
    (path) => path.endsWith('.resolver.ts') || readFileSync(path, 'utf8').includes('@Resolver('),
  );
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

  it('finds the composition roots and the system code (the guard is looking at something)', () => {
    const files = sourceFiles().map((path) => relative(SOURCE, path).split(sep).join('/'));
    for (const root of COMPOSITION_ROOTS) expect(files).toContain(root);
    expect(files).toContain('main.ts');
    expect(files).not.toContain('orders/order.fixtures.ts');
    expect(files).not.toContain('test/harness.ts');
  });

  it('lets no code outside access/ and the composition roots take the raw client without saying why', () => {
    const found = sourceFiles().flatMap((path) =>
      systemDoorViolationsOf(relative(SOURCE, path), readFileSync(path, 'utf8')),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ["import { Prisma } from '@ldn/db';", 'imports Prisma'],
    ["import { isUniqueViolation, PrismaClient } from '@ldn/db';", 'imports PrismaClient'],
    ['  const client = ctx.prisma;', "context's prisma"],
    ['  return loadPeople(context.db.prisma);', "context's db"],
    ['  const clinic = ctx.repositories.clinic();', "context's repositories"],
    ['    @SystemRepo() system: SystemRepository,', 'without a `// system:` comment'],
    ['      const rows = await tx.order.findMany({ where: scope.orderWhere });', 'order.findMany'],
    [
      '  const user = await client.user\n    .findUniqueOrThrow({ where: { id } });',
      'user.findUniqueOrThrow',
    ],
    ['      const { count } = await tx.symptomScore.updateMany({ where, data });', 'symptomScore.updateMany'],
    ['  await prisma.orderLine.deleteMany({ where: { orderId } });', 'orderLine.deleteMany'],
    ['  await tx.$executeRaw`SELECT pg_advisory_xact_lock(1)`;', '$executeRaw'],
    ['  const [row] = await tx.$queryRaw`SELECT 1`;', '$queryRaw'],
    ['  const rows = await scope.read((client) => listApiTokens(client));', 'generic read'],
    ['  const signer = await system.unscoped;', 'generic unscoped'],
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
    '    return scope.transaction((tx) => recordConsentIn(tx, ctx, scope, patientId, input));',
    '    const patient = await scope.patient(patientId, tx);',
    '    const { pharmacies } = await scope.orderablePharmacies();',
    '    const user = await system.personByEmail(email);',
    '  /** Once tx.order.update(…) ran here; a comment may name it. */',
    '  return Object.create(null);',
  ])('allows %s', (line) => {
    expect(violationsOf('fine.resolver.ts', `${line}\n`)).toEqual([]);
  });

  it.each([
    ['auth/sessions.ts', 'await resolveViewer(db.prisma, token, config, clock);', 'db.prisma'],
    ['main.ts', '  const system = systemRepositoryOf(db);', 'systemRepositoryOf('],
    ['app.ts', '  const system = systemRepositoryOf(db, req.id);', 'systemRepositoryOf('],
    [
      'patient-link/patient-report.service.ts',
      '  const row = await system.unscoped.patient.findFirst();',
      'unscoped',
    ],
  ])('refuses in %s: %s', (path, line, what) => {
    const found = systemDoorViolationsOf(path, `${line}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(what);
  });

  it.each([
    ['app.ts', '          repositories: new Repositories(db.prisma, viewer, req.id),'],
    [
      'live/live-server.ts',
      '    repositories: new Repositories(db.prisma, connection.viewer, connection.id),',
    ],
    [
      'access/system-repository.ts',
      '  return new SystemRepository(db.prisma, new Loaders(db.prisma), context);',
    ],
    [
      'main.ts',
      '  // system: start-up jobs belong to no organisation.\n  const system = systemRepositoryOf(db);',
    ],
    ['main.ts', '    prisma: system.unscoped, // system: the retention job purges every organisation'],
  ])('allows in %s: %s', (path, line) => {
    expect(systemDoorViolationsOf(path, `${line}\n`)).toEqual([]);
  });
});
