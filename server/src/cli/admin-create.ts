/**
 * `ldn admin:create --email x --name y [--force]` (`pnpm admin:create …` in a checkout): the first
 * administrator of an installation. Uses DATABASE_URL or the embedded database (stop `pnpm start`
 * first: PGlite has one user at a time), applies migrations, and prints a one-time invitation link
 * to set the password.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '@ldn/db';
import { createFirstAdmin, FirstAdminRefused, type FirstAdminRequest } from '../admin/first-admin.ts';
import { systemClock } from '../platform/clock.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { migrateConfiguredDatabase, openConfiguredDatabase } from '../platform/database.ts';
import { runCommand } from './run-command.ts';

export const ADMIN_CREATE_USAGE = 'ldn admin:create --email <address> --name "<full name>" [--force]';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The command line as a request; a missing or unknown option is a UsageError. */
export function parseAdminCreateArgs(argv: string[]): FirstAdminRequest {
  let values: { email?: string; name?: string; force?: boolean };
  try {
    ({ values } = parseArgs({
      // `pnpm admin:create -- --email …` passes the `--` on.
      args: argv.filter((arg, index) => !(index === 0 && arg === '--')),
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        force: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.email === undefined || values.name === undefined) {
    throw new UsageError('--email and --name are required.');
  }
  return { email: values.email, name: values.name, force: values.force ?? false };
}

/** The command with its arguments (after `admin:create`); resolves with the exit code. */
export async function adminCreate(argv: string[]): Promise<number> {
  let request: FirstAdminRequest;
  let config: ReturnType<typeof loadConfig>;
  try {
    request = parseAdminCreateArgs(argv);
    config = loadConfig();
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(`${error.message}\nUsage: ${ADMIN_CREATE_USAGE}`);
      return 2;
    }
    throw error;
  }
  let db: Database | undefined;
  try {
    db = await openConfiguredDatabase(config);
    await migrateConfiguredDatabase(config, db);
    const admin = await createFirstAdmin(db, request, systemClock(config.timeZone));
    const who = request.email.trim().toLowerCase();
    const created = admin.createdOrganisation ? ' (and the network administration)' : '';
    console.log(
      [
        '',
        admin.createdPerson
          ? `  Administrator ${who} created${created}.`
          : `  A new link for administrator ${who}${created}.`,
        `  Open this link to set the password (once, before ${admin.expiresAt.toISOString()}):`,
        '',
        `    ${config.publicUrl ?? `http://localhost:${config.port}`}${admin.link}`,
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof FirstAdminRefused) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db?.close();
  }
}

// Run as a file of its own too (the browser tests' fresh installation does), not when imported.
if (process.argv[1] !== undefined && import.meta.filename === resolve(process.argv[1])) {
  runCommand('admin:create', adminCreate(process.argv.slice(2)));
}
