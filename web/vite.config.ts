import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['development'] },
  // ws: the live socket is on /graphql too (server/src/live/live-server.ts).
  server: { proxy: { '/graphql': { target: 'http://localhost:4000', ws: true } } },
  // Hidden maps: made for error reports and debugging, never referenced by the bundle (and the
  // server refuses *.map in production).
  build: { outDir: 'dist', sourcemap: 'hidden' },
});
