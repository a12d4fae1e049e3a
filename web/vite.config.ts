import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['development'] },
  // `pnpm dev`: the API (and the FHIR API) is the server beside it, on its PORT. ws: the live socket is on /graphql too
  // (server/src/live/live-server.ts).
  server: {
    proxy: {
      '/graphql': { target: `http://localhost:${process.env.PORT || 4000}`, ws: true },
      // The FHIR API: the register page's import posts a Patient there.
      '/fhir': { target: `http://localhost:${process.env.PORT || 4000}` },
    },
  },
  // Hidden maps: made for error reports and debugging, never referenced by the bundle (and the
  // server refuses *.map in production).
  build: { outDir: 'dist', sourcemap: 'hidden' },
});
