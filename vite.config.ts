// The front end: a React app in web/, built to dist/web, which the Fastify server serves (with a
// strict CSP: only external JS and CSS files from our own origin). In development `npm run dev:web`
// proxies /api to the server on port 3000.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes file.br and file.gz next to every text file of the build, compressed once at the highest
 * level, so the server sends them as they are (@fastify/static preCompressed) instead of
 * compressing on every request. A variant that saves nothing is not written.
 */
function precompress(): Plugin {
  return {
    name: 'sammen-precompress',
    apply: 'build',
    async writeBundle(options) {
      const dir = options.dir;
      if (!dir) return;
      const files = (await readdir(dir, { recursive: true })).filter((f) => /\.(js|css|html|svg|json)$/.test(f) && !f.startsWith('.vite'));
      await Promise.all(files.map(async (file) => {
        const raw = await readFile(path.join(dir, file));
        const variants = [
          ['br', await brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })],
          ['gz', await gzipAsync(raw, { level: 9 })],
        ] as const;
        for (const [extension, compressed] of variants) {
          if (compressed.length < raw.length * 0.9) await writeFile(path.join(dir, `${file}.${extension}`), compressed);
        }
      }));
    },
  };
}

/**
 * Modules that only define things: a page that uses none of their exports leaves them out.
 * - The translation modules: a page that imports formatDate from common/i18n/index.ts does not get
 *   the three languages index.ts holds for the server; the browser loads one language on demand
 *   (web/src/i18n.tsx).
 * - @digdir/designsystemet-react, whose package does not say it has no side effects, so without
 *   this every component (and floating-ui, tanstack-virtual, …) would be in the first download.
 *   Its custom elements (@digdir/designsystemet-web, which does have side effects) are imported
 *   by main.tsx.
 */
const PURE_MODULES = [
  /[\\/]common[\\/]i18n[\\/][^\\/]+\.ts$/,
  /[\\/]node_modules[\\/]@digdir[\\/]designsystemet-react[\\/]dist[\\/]esm[\\/]/,
  // The custom elements of components no page uses (web/src/design-elements.ts).
  /[\\/]node_modules[\\/]@digdir[\\/]designsystemet-web[\\/]dist[\\/]esm[\\/](breadcrumbs|pagination|suggestion|tabs)[\\/]/,
];

export default defineConfig({
  root: 'web',
  publicDir: 'public',
  plugins: [react(), precompress()],
  resolve: {
    // Only the custom elements the app uses (web/src/design-elements.ts says why).
    alias: [{ find: /^@digdir\/designsystemet-web$/, replacement: path.resolve(import.meta.dirname, 'web/src/design-elements.ts') }],
  },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // Nothing inline: the CSP allows scripts and styles from our own origin only.
    assetsInlineLimit: 0,
    sourcemap: false,
    // dist/web/.vite/manifest.json: which files each page loads (npm run bundle-sizes reads it).
    manifest: true,
    rolldownOptions: {
      treeshake: {
        moduleSideEffects: (id) => (PURE_MODULES.some((pattern) => pattern.test(id)) ? false : undefined),
      },
      output: {
        codeSplitting: {
          groups: [
            // The libraries every page needs (React, the router, the design system's base) change less
            // often than our code: a file of their own stays cached between releases.
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 2 },
            // The design-system components only some pages use: one small file, not one per component.
            { name: 'components', test: /[\\/]node_modules[\\/]@digdir[\\/]designsystemet-react[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
