// The front end: a React app in web/, built to dist/web, which the Fastify server serves (with a
// strict CSP: only external JS and CSS files from our own origin). In development `npm run dev:web`
// proxies /api to the server on port 3000.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'web',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Nothing inline: the CSP allows scripts and styles from our own origin only.
    assetsInlineLimit: 0,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: a separate file stays cached between releases.
        codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/ }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
