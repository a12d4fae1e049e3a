import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from './audit-actions.ts';

const SOURCE = join(import.meta.dirname, '..');

/** The API's own source files (tests, fixtures and builders write no audit rows of their own). */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(test|fixtures|builders)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The top-level arguments of the call whose '(' is at `open`, as source text. */
function argumentsAt(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let index = open; index < text.length; index += 1) {
    const char = text[index];
    if (char === '(' || char === '{' || char === '[') depth += 1;
    else if (char === ')' || char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return [...args, text.slice(start, index).trim()];
    } else if (char === ',' && depth === 1) {
      args.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  throw new Error('unbalanced call');
}

/** The two actions built from data rather than written out; their lists are derived in audit-actions.ts. */
const DERIVED: Record<string, RegExp> = {
  'transition.toUpperCase()': /^[A-Z]+$/,
  '`ROLE_CHANGE_${person.role}_TO_${role}`': /^ROLE_CHANGE_[A-Z]+_TO_[A-Z]+$/,
};

/** Every action the code writes: the literals of each audit call's action, and the derived kinds. */
function actionsInCode(): { literals: Set<string>; derived: RegExp[]; unknown: string[] } {
  const literals = new Set<string>();
  const derived: RegExp[] = [];
  const unknown: string[] = [];
  for (const file of sourceFiles(SOURCE)) {
    const text = readFileSync(file, 'utf8');
    if (/\bauditListed\(\s*\w/.test(text)) literals.add('LIST');
    for (const call of text.matchAll(/\b(audit|auditEach|auditAs)\(/g)) {
      // A repository's `repo.audit(action, …)` takes the action first, the system's
      // `auditAs(actor, action, …)` second, and `audit(client, ctx, action, …)` third.
      const method = text[(call.index ?? 0) - 1] === '.';
      const args = argumentsAt(text, (call.index ?? 0) + call[0].length - 1);
      if (args[0] === 'action: AuditAction') continue; // Repository.audit's own definition
      const action = args[call[1] === 'auditAs' ? 1 : method ? 0 : 2] ?? '';
      // The helpers' own definitions, and Repository.audit passing its caller's action on.
      if (/^action(: AuditAction)?$/.test(action)) continue;
      // In `a === 'X' ? 'Y' : 'Z'` the written actions are the branches, not the condition's value.
      const branches = action.includes('?') ? action.slice(action.indexOf('?')) : action;
      const written = [...branches.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1] ?? '');
      const pattern = DERIVED[action];
      if (written.length > 0) for (const name of written) literals.add(name);
      else if (pattern !== undefined) derived.push(pattern);
      else unknown.push(`${relative(SOURCE, file)}: ${action}`);
    }
  }
  return { literals, derived, unknown };
}

describe('the list of audit actions', () => {
  const code = actionsInCode();

  it('names every action an audit call writes', () => {
    expect(code.unknown).toEqual([]);
    expect([...code.literals].filter((action) => !AUDIT_ACTIONS.includes(action))).toEqual([]);
  });

  it('names no action the code no longer writes', () => {
    const written = (action: string) =>
      code.literals.has(action) || code.derived.some((pattern) => pattern.test(action));
    expect(AUDIT_ACTIONS.filter((action) => !written(action))).toEqual([]);
  });

  it('derives the role changes and the pharmacy moves the code builds', () => {
    expect(AUDIT_ACTIONS).toEqual(
      expect.arrayContaining([
        'ROLE_CHANGE_CLINICIAN_TO_COORDINATOR',
        'ROLE_CHANGE_COORDINATOR_TO_CLINICIAN',
        'ACKNOWLEDGE',
        'DISPENSE',
        'REJECT',
      ]),
    );
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });
});
