import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/client/client.ts';
import { type Database, statementEvents } from './database.ts';

export interface PostgresOptions {
  url: string;
  /** Pool size; the default leaves room for several API processes on one server. */
  maxConnections?: number;
}

/** Opens a real PostgreSQL (14+) through node-postgres. */
export function openPostgres({ url, maxConnections = 10 }: PostgresOptions): Database {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: 'event', level: 'query' }] });
  return {
    kind: 'postgres',
    prisma,
    onStatement: statementEvents(prisma),
    async withSession(work) {
      const client = await pool.connect();
      try {
        return await work({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <Row>(sql: string, params: unknown[] = []) =>
            (await client.query(sql, params)).rows as Row[],
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
