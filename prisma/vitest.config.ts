import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'db',
    include: ['src/**/*.test.ts', 'seed/**/*.test.ts'],
    // Files share no state (each opens a database of its own): no fresh module graph per file.
    isolate: false,
    // Starting a database and running Prisma 6's differ take seconds on a two-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
