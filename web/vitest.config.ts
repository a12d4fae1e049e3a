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
  },
});
