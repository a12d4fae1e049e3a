import { defineProject } from 'vitest/config';

export default defineProject({
  // Pure functions: no fresh module graph per file.
  test: { name: 'rules', include: ['src/**/*.test.ts'], isolate: false },
});
