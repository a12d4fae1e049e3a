import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['development'] },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: { outDir: 'dist', sourcemap: true },
});
