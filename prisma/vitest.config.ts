import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'db',
    include: ['src/**/*.test.ts', 'seed/**/*.test.ts'],
    // Starting a database and running Prisma 6's differ take seconds on a two-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
