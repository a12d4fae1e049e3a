import { defineConfig } from 'prisma/config';

// Only `prisma generate` runs here (the schema engine cannot be downloaded on our machines);
// migrations are applied by prisma/src/migrate.ts. A normal Prisma install can still run
// `prisma migrate deploy` against DATABASE_URL.
export default defineConfig({
  schema: './schema.prisma',
  migrations: { path: './migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' },
});
