#!/usr/bin/env node
/**
 * `ldn <command> …`: the operator's commands, compiled with the server (the image has `ldn` on its
 * PATH: `docker compose exec app ldn admin:create …`). In a checkout, `pnpm admin:create …` runs
 * this file's `admin:create` from the sources.
 */
import { ADMIN_CREATE_USAGE, adminCreate } from './admin-create.ts';
import { DB_BACKUP_USAGE, dbBackup } from './db-backup.ts';
import { DB_RESTORE_USAGE, dbRestore } from './db-restore.ts';
import { runCommand } from './run-command.ts';

interface Command {
  usage: string;
  summary: string;
  run(argv: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  'admin:create': {
    usage: ADMIN_CREATE_USAGE,
    summary:
      'creates the first administrator (--force: a new link for a lone one) and prints a one-time link',
    run: adminCreate,
  },
  'db:backup': {
    usage: DB_BACKUP_USAGE,
    summary: 'backs the database up into a new file (pg_dump custom format; the embedded one: a tarball)',
    run: dbBackup,
  },
  'db:restore': {
    usage: DB_RESTORE_USAGE,
    summary: 'restores a backup into an empty database (--clean: replaces what it holds)',
    run: dbRestore,
  },
};

function usage(): string {
  const lines = ['Usage:'];
  for (const command of Object.values(COMMANDS)) lines.push(`  ${command.usage}`, `      ${command.summary}`);
  return lines.join('\n');
}

const [name, ...argv] = process.argv.slice(2);
if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
  console.log(usage());
  process.exitCode = name === undefined ? 2 : 0;
} else {
  const command = COMMANDS[name];
  if (command === undefined) {
    console.error(`Unknown command "${name}".\n${usage()}`);
    process.exitCode = 2;
  } else {
    runCommand(name, command.run(argv));
  }
}
