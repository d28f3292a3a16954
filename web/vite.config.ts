/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` proxies the API, the WebSocket and /health to a running Crossbook server.
const server = process.env.CROSSBOOK_SERVER_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': server,
      '/health': server,
      '/ws': { target: server, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    // antd and lightweight-charts make one large vendor chunk; that is expected for a dashboard.
    chunkSizeWarningLimit: 2000,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // Ant Design renders slowly in jsdom on a busy machine
    testTimeout: 20_000,
  },
});
