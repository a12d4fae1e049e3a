import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['development'] },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  // Hidden maps: made for error reports and debugging, never referenced by the bundle (and the
  // server refuses *.map in production).
  build: { outDir: 'dist', sourcemap: 'hidden' },
});
