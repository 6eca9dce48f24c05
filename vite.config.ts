import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };

// The PWA: Preact page in src/client, service worker in sw/ (injectManifest), served by src/server.
export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    target: 'es2022',
    sourcemap: false,
    rollupOptions: { input: { main: 'index.html', console: 'console.html' } },
  },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  plugins: [
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // The decoder's wasm is cached at first use by a runtime route, not downloaded by every visitor.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,ico}'],
        // The officials' console (console.html + its assets) is online-only: never precached on guard phones.
        globIgnores: ['**/node_modules/**', 'console.html', 'assets/console-*', 'assets/ChainGraph-*'],
      },
    }),
  ],
});
