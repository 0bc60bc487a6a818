import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { linguiPlugins } from './vite.lingui.ts';

const clientRoot = fileURLToPath(new URL('./client', import.meta.url));
const apiTarget = 'http://127.0.0.1:3000';

/**
 * The server refuses foreign Origins (DESIGN.md decision 8). Behind the dev proxy the browser's
 * Origin is the dev server's own, so it is rewritten to the API's origin — but only when the
 * request really comes from a page of this dev server (Origin matches its Host); any other
 * Origin goes through untouched and is refused by the server as it would be in production.
 */
function rewriteOwnOrigin(headers: {
  origin?: string | string[] | undefined;
  host?: string | undefined;
}): string | undefined {
  const origin = headers.origin;
  if (typeof origin !== 'string' || headers.host === undefined) return undefined;
  return origin === `http://${headers.host}` ? apiTarget : undefined;
}

const apiProxy: ProxyOptions = {
  target: apiTarget,
  ws: true,
  configure: (proxy) => {
    proxy.on('proxyReq', (proxyReq, req) => {
      const origin = rewriteOwnOrigin(req.headers);
      if (origin) proxyReq.setHeader('origin', origin);
    });
    proxy.on('proxyReqWs', (proxyReq, req) => {
      const origin = rewriteOwnOrigin(req.headers);
      if (origin) proxyReq.setHeader('origin', origin);
    });
  },
};

/** Vite for the Accord client: sources in client/, built into client/dist, /api proxied in dev. */
export default defineConfig({
  root: clientRoot,
  plugins: [...linguiPlugins(), react()],
  resolve: {
    // One copy of each: two Yjs or ProseMirror instances break `instanceof` checks silently.
    dedupe: ['yjs', 'y-protocols', '@tiptap/core', '@tiptap/pm', 'react', 'react-dom'],
  },
  build: {
    outDir: fileURLToPath(new URL('./client/dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: { '/api': apiProxy },
  },
});
