// The web app's build (scripts/build-web.ts runs it into dist/web) and its dev server: `npm run dev:web` serves
// the app with hot reload on :5173 and sends /api and /hooks to a Relais running on :3000 (or RELAIS_DEV_API).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env.RELAIS_DEV_API ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: {
      '/api': { target: api, ws: true, changeOrigin: false },
      '/hooks': { target: api, ws: true },
    },
  },
});
