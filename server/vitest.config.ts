import { createRequire } from 'node:module';
import { defineProject } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineProject({
  resolve: {
    conditions: ['development'],
    // type-graphql refuses to work with two copies of graphql (ESM and CJS): pin one.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql/index.js') }],
  },
  test: {
    name: 'server',
    include: ['src/**/*.test.ts'],
    // One module graph per worker, not per file: loading the app (Prisma's client, type-graphql,
    // Apollo) again for each file cost more CPU than its tests. Files share no state: each starts
    // its own app on its own database.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
