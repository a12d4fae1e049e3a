// Prisma 6 with the PGlite adapter: lets `prisma migrate diff` run with no schema engine download.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: process.env.LDN_DIFF_SCHEMA ?? './schema.prisma',
  adapter: async () => new PrismaPGlite(new PGlite()),
});
