import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

/** The portal's unit and component tests (listed as project 'web' in the root vitest.config.ts). */
export default defineProject({
  plugins: [react()],
  resolve: { conditions: ['development'] },
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    // One DOM and module graph per worker, not per file (a quarter of the CPU): setup.ts unmounts,
    // unstubs and resets the URL after every test, and no module keeps state between files.
    isolate: false,
  },
});
